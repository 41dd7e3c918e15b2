/**
 * The six metropolitan water agencies and, for each département, the basin of the agency that covers most of it.
 * Basins follow watersheds, not départements: `SHARED_DEPARTEMENTS` lists the départements that straddle two or
 * more basins, where a commune near the edge must check with the agencies which one it depends on (the page says
 * so). Overseas départements have offices de l'eau, not agencies: no basin here.
 */
export type WaterBasin =
  | 'adour_garonne'
  | 'artois_picardie'
  | 'loire_bretagne'
  | 'rhin_meuse'
  | 'rhone_mediterranee_corse'
  | 'seine_normandie';

export const WATER_AGENCIES: Readonly<Record<WaterBasin, { name: string; url: string }>> = {
  adour_garonne: { name: 'Agence de l’eau Adour-Garonne', url: 'https://www.eau-grandsudouest.fr' },
  artois_picardie: { name: 'Agence de l’eau Artois-Picardie', url: 'https://www.eau-artois-picardie.fr' },
  loire_bretagne: { name: 'Agence de l’eau Loire-Bretagne', url: 'https://agence.eau-loire-bretagne.fr' },
  rhin_meuse: { name: 'Agence de l’eau Rhin-Meuse', url: 'https://www.eau-rhin-meuse.fr' },
  rhone_mediterranee_corse: { name: 'Agence de l’eau Rhône Méditerranée Corse', url: 'https://www.eaurmc.fr' },
  seine_normandie: { name: 'Agence de l’eau Seine-Normandie', url: 'https://www.eau-seine-normandie.fr' },
};

export const WATER_BASINS = Object.keys(WATER_AGENCIES) as WaterBasin[];

const AG: WaterBasin = 'adour_garonne';
const AP: WaterBasin = 'artois_picardie';
const LB: WaterBasin = 'loire_bretagne';
const RM: WaterBasin = 'rhin_meuse';
const RMC: WaterBasin = 'rhone_mediterranee_corse';
const SN: WaterBasin = 'seine_normandie';

/** Département code (INSEE) → basin of the agency covering most of it. */
export const DEPARTEMENT_BASIN: Readonly<Record<string, WaterBasin>> = {
  '01': RMC,
  '02': SN,
  '03': LB,
  '04': RMC,
  '05': RMC,
  '06': RMC,
  '07': RMC,
  '08': RM,
  '09': AG,
  '10': SN,
  '11': RMC,
  '12': AG,
  '13': RMC,
  '14': SN,
  '15': AG,
  '16': AG,
  '17': AG,
  '18': LB,
  '19': AG,
  '2A': RMC,
  '2B': RMC,
  '21': RMC,
  '22': LB,
  '23': LB,
  '24': AG,
  '25': RMC,
  '26': RMC,
  '27': SN,
  '28': SN,
  '29': LB,
  '30': RMC,
  '31': AG,
  '32': AG,
  '33': AG,
  '34': RMC,
  '35': LB,
  '36': LB,
  '37': LB,
  '38': RMC,
  '39': RMC,
  '40': AG,
  '41': LB,
  '42': LB,
  '43': LB,
  '44': LB,
  '45': LB,
  '46': AG,
  '47': AG,
  '48': AG,
  '49': LB,
  '50': SN,
  '51': SN,
  '52': SN,
  '53': LB,
  '54': RM,
  '55': RM,
  '56': LB,
  '57': RM,
  '58': LB,
  '59': AP,
  '60': SN,
  '61': SN,
  '62': AP,
  '63': LB,
  '64': AG,
  '65': AG,
  '66': RMC,
  '67': RM,
  '68': RM,
  '69': RMC,
  '70': RMC,
  '71': RMC,
  '72': LB,
  '73': RMC,
  '74': RMC,
  '75': SN,
  '76': SN,
  '77': SN,
  '78': SN,
  '79': LB,
  '80': AP,
  '81': AG,
  '82': AG,
  '83': RMC,
  '84': RMC,
  '85': LB,
  '86': LB,
  '87': LB,
  '88': RM,
  '89': SN,
  '90': RMC,
  '91': SN,
  '92': SN,
  '93': SN,
  '94': SN,
  '95': SN,
};

/** Départements that straddle basins: the agency above covers most of them, not all of them. */
export const SHARED_DEPARTEMENTS: ReadonlySet<string> = new Set([
  '02',
  '07',
  '08',
  '11',
  '15',
  '16',
  '17',
  '19',
  '21',
  '23',
  '28',
  '30',
  '34',
  '42',
  '43',
  '45',
  '48',
  '52',
  '55',
  '58',
  '61',
  '63',
  '69',
  '70',
  '71',
  '79',
  '86',
  '87',
  '88',
  '89',
  '90',
]);

/** The département of a French authority from its official code (communes: INSEE code; départements: code). */
export function departementOf(type: string, officialCode: string | null): string | null {
  if (!officialCode) return null;
  if (type === 'departement') return officialCode;
  if (type !== 'commune') return null; // EPCI carry a SIREN, régions span départements
  if (officialCode.startsWith('97')) return officialCode.slice(0, 3);
  return officialCode.slice(0, 2);
}

export function basinOf(departement: string | null): WaterBasin | null {
  return departement ? (DEPARTEMENT_BASIN[departement] ?? null) : null;
}
