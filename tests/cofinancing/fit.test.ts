import { describe, expect, it } from 'vitest';
import {
  basinOf,
  departementOf,
  DEPARTEMENT_BASIN,
  SHARED_DEPARTEMENTS,
} from '../../src/lib/reference/water-basins.js';
import { fitOf, fitPaths, type CatalogueEntry, type FrenchFacts } from '../../src/lib/server/cofinancing/fit.js';
import { REFERENCE_PROGRAMMES } from '../../src/lib/server/cofinancing/reference.js';

const TODAY = '2026-12-01';
const catalogue: CatalogueEntry[] = REFERENCE_PROGRAMMES.map((p, i) => ({
  ...p,
  id: `id-${i}`,
  closedAt: null,
  // The ministry's calls open in this test's world; FICOL and the 1 % mechanisms have no dates.
  ...(p.slug.startsWith('dctciv-')
    ? { opensOn: '2026-11-01', closesOn: p.slug === 'dctciv-franco-senegalais' ? '2026-12-15' : '2027-02-28' }
    : {}),
}));

function french(type: string, code: string | null, name = 'X'): FrenchFacts {
  const departement = departementOf(type, code);
  return {
    name,
    type,
    departement,
    basin: basinOf(departement),
    basinShared: departement !== null && SHARED_DEPARTEMENTS.has(departement),
  };
}
const LANNION = french('commune', '22113', 'Lannion');
const WALO = { country: 'SN', themes: ['water_sanitation', 'energy'] };
const slugs = (
  request: { country: string; themes: string[] },
  who: FrenchFacts | null,
  today = TODAY,
  entries = catalogue,
) => fitPaths(entries, request, who, today).map((p) => p.programme.slug);

describe('water basins', () => {
  it.each([
    ['commune', '22113', '22', 'loire_bretagne'], // Lannion, Côtes-d'Armor
    ['commune', '44109', '44', 'loire_bretagne'], // Nantes
    ['commune', '69123', '69', 'rhone_mediterranee_corse'], // Lyon
    ['commune', '75056', '75', 'seine_normandie'], // Paris
    ['commune', '33063', '33', 'adour_garonne'], // Bordeaux
    ['commune', '59350', '59', 'artois_picardie'], // Lille
    ['commune', '67482', '67', 'rhin_meuse'], // Strasbourg
    ['commune', '2A004', '2A', 'rhone_mediterranee_corse'], // Ajaccio
    ['departement', '29', '29', 'loire_bretagne'],
    ['commune', '97411', '974', null], // La Réunion: an office de l'eau, no agency
    ['epci', '200065928', null, null], // an EPCI's SIREN says nothing of its basin
    ['region', 'REG-53', null, null],
  ])('%s %s → département %s → %s', (type, code, departement, basin) => {
    expect(departementOf(type, code)).toBe(departement);
    expect(basinOf(departementOf(type, code))).toBe(basin);
  });

  it('cover the 96 metropolitan départements', () => {
    expect(Object.keys(DEPARTEMENT_BASIN)).toHaveLength(96);
    for (const code of SHARED_DEPARTEMENTS) expect(DEPARTEMENT_BASIN[code]).toBeDefined();
  });
});

describe('fit rules', () => {
  it('Walo (Senegal, water and energy) seen by Lannion: the franco-Senegalese call, the 1 % water through Loire-Bretagne, FICOL', () => {
    const paths = fitPaths(catalogue, WALO, LANNION, TODAY);
    const bySlug = new Map(paths.map((p) => [p.programme.slug, p]));
    expect(bySlug.get('dctciv-franco-senegalais')!.reasons).toContainEqual({ code: 'country', country: 'SN' });
    expect(bySlug.get('dctciv-franco-senegalais')!.closesInDays).toBe(14);
    expect(bySlug.get('agence-eau-loire-bretagne')!.reasons).toContainEqual({
      code: 'basin',
      basin: 'loire_bretagne',
      departement: '22',
      shared: false,
    });
    expect(bySlug.get('agence-eau-loire-bretagne')!.reasons).toContainEqual({
      code: 'themes',
      themes: ['water_sanitation'],
    });
    expect(bySlug.get('afd-ficol')!.reasons).toContainEqual({ code: 'applicant', type: 'commune' });
    expect(bySlug.has('dctciv-generaliste')).toBe(true);
    expect(bySlug.has('un-pour-cent-eau')).toBe(true);
    expect(bySlug.has('un-pour-cent-energie')).toBe(true);
    // Not another basin's agency, not another country's call, not a theme the request lacks.
    expect(bySlug.has('agence-eau-seine-normandie')).toBe(false);
    expect(bySlug.has('dctciv-franco-marocain')).toBe(false);
    expect(bySlug.has('dctciv-patrimoine')).toBe(false);
    expect(bySlug.has('un-pour-cent-dechets')).toBe(false);
    // The most specific paths come first: the country's own call and the basin's agency.
    expect(
      paths
        .slice(0, 2)
        .map((p) => p.programme.slug)
        .sort(),
    ).toEqual(['agence-eau-loire-bretagne', 'dctciv-franco-senegalais']);
  });

  const cases: Array<{
    name: string;
    request: { country: string; themes: string[] };
    who: FrenchFacts | null;
    today?: string;
    has: string[];
    lacks: string[];
  }> = [
    {
      name: 'anonymous reader: no agency (basin unknown), the generic 1 % water stands in',
      request: WALO,
      who: null,
      has: ['un-pour-cent-eau', 'dctciv-franco-senegalais', 'afd-ficol'],
      lacks: ['agence-eau-loire-bretagne'],
    },
    {
      name: 'the call has closed (after its closing day)',
      request: WALO,
      who: LANNION,
      today: '2026-12-16',
      has: ['dctciv-generaliste'],
      lacks: ['dctciv-franco-senegalais'],
    },
    {
      name: 'closing day itself is still open',
      request: WALO,
      who: LANNION,
      today: '2026-12-15',
      has: ['dctciv-franco-senegalais'],
      lacks: [],
    },
    {
      name: 'a département cannot use the 1 % of a water service, its agency still helps',
      request: WALO,
      who: french('departement', '33'),
      has: ['agence-eau-adour-garonne'],
      lacks: ['un-pour-cent-eau', 'agence-eau-loire-bretagne'],
    },
    {
      name: 'an EPCI (basin unknown) gets the generic 1 % water, no agency',
      request: WALO,
      who: french('epci', '200065928'),
      has: ['un-pour-cent-eau'],
      lacks: ['agence-eau-loire-bretagne', 'agence-eau-adour-garonne'],
    },
    {
      name: 'Moroccan heritage request: the franco-Moroccan and heritage calls',
      request: { country: 'MA', themes: ['culture_heritage', 'tourism'] },
      who: LANNION,
      has: ['dctciv-franco-marocain', 'dctciv-patrimoine', 'dctciv-generaliste'],
      lacks: ['dctciv-franco-senegalais', 'un-pour-cent-eau', 'dctciv-sport'],
    },
    {
      name: 'mobility: a région is an organising authority, a département is not',
      request: { country: 'UA', themes: ['transport_mobility'] },
      who: french('region', 'REG-53'),
      has: ['un-pour-cent-mobilite', 'dctciv-franco-ukrainien'],
      lacks: [],
    },
    {
      name: 'mobility seen by a département',
      request: { country: 'UA', themes: ['transport_mobility'] },
      who: french('departement', '22'),
      has: ['dctciv-franco-ukrainien'],
      lacks: ['un-pour-cent-mobilite'],
    },
    {
      name: 'crisis: Faceco for civil protection',
      request: { country: 'LB', themes: ['civil_protection'] },
      who: null,
      has: ['faceco', 'dctciv-franco-libanais'],
      lacks: ['un-pour-cent-eau'],
    },
    {
      name: 'waste request: the 1 % waste',
      request: { country: 'SN', themes: ['waste'] },
      who: LANNION,
      has: ['un-pour-cent-dechets'],
      lacks: ['un-pour-cent-eau', 'agence-eau-loire-bretagne'],
    },
    {
      name: 'coastal request: the coastal call',
      request: { country: 'MA', themes: ['coastal_territorial'] },
      who: null,
      has: ['dctciv-littoral'],
      lacks: [],
    },
  ];

  it.each(cases)('$name', ({ request, who, today, has, lacks }) => {
    const found = slugs(request, who, today);
    for (const slug of has) expect(found).toContain(slug);
    for (const slug of lacks) expect(found).not.toContain(slug);
  });

  it('a closed entry is never offered; one that opens later is "upcoming"', () => {
    const senegal = catalogue.find((c) => c.slug === 'dctciv-franco-senegalais')!;
    expect(fitOf({ ...senegal, closedAt: new Date() }, WALO, LANNION, TODAY)).toBeNull();
    const later = fitOf({ ...senegal, opensOn: '2027-01-10', closesOn: '2027-03-01' }, WALO, LANNION, TODAY)!;
    expect(later.status).toBe('upcoming');
    expect(later.closesInDays).toBe(90);
  });

  it('a shared département says so: the agency named covers most of it', () => {
    const path = fitOf(
      catalogue.find((c) => c.slug === 'agence-eau-loire-bretagne')!,
      WALO,
      french('commune', '42218'),
      TODAY,
    )!;
    expect(path.reasons).toContainEqual({ code: 'basin', basin: 'loire_bretagne', departement: '42', shared: true });
  });
});
