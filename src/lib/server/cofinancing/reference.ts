import { WATER_AGENCIES, WATER_BASINS } from '../../reference/water-basins.js';
import type { ProgrammeInput } from './validation.js';

// The co-financing paths named by the source documents, as reference entries an admin then keeps current.
// Dates are never invented here: a call's dates are set by an admin (the demo sets example dates, flagged as such).

const ALL_APPLICANTS = ['commune', 'epci', 'syndicat', 'departement', 'region'];
const WATER_SERVICE_APPLICANTS = ['commune', 'epci', 'syndicat'];
const DCTCIV_URL =
  'https://www.diplomatie.gouv.fr/fr/politique-etrangere-de-la-france/action-exterieure-des-collectivites-territoriales/';
const DCTCIV_SOURCE =
  'MEAE/DGM, « Les appels à projets de la DCTCIV » (2025) : généraliste et clés en main sans contrainte de géographie ni de thème, géographiques, thématiques ; jusqu’à 70 % de cofinancement';

export interface ReferenceProgramme extends ProgrammeInput {
  slug: string;
}

const dctciv = (
  slug: string,
  name: string,
  extra: Partial<ProgrammeInput> & { description: string },
): ReferenceProgramme => ({
  slug,
  name,
  funder: 'Ministère de l’Europe et des Affaires étrangères (DGM/DCTCIV)',
  kind: 'call_for_projects',
  maxRatePercent: 70,
  countries: [],
  themes: [],
  applicantTypes: ALL_APPLICANTS,
  waterBasin: null,
  opensOn: null,
  closesOn: null,
  datesToConfirm: true,
  officialUrl: DCTCIV_URL,
  source: DCTCIV_SOURCE,
  ...extra,
});

const geographic = (slug: string, label: string, country: string, partner: string) =>
  dctciv(`dctciv-${slug}`, `Appel à projets ${label}`, {
    countries: [country],
    description: `Appel géographique conçu avec ${partner} (liste 2025) : projets menés avec des collectivités partenaires de ce pays.`,
  });

export const REFERENCE_PROGRAMMES: readonly ReferenceProgramme[] = [
  dctciv('dctciv-generaliste', 'Appel à projets généraliste de la DCTCIV', {
    description:
      'Destiné aux collectivités et à leurs associations, sans contrainte de géographie ni de thème. Accent sur l’impact, la réciprocité et la redevabilité.',
  }),
  dctciv('dctciv-cles-en-main', 'Appel à projets « clés en main » de la DCTCIV', {
    description:
      'Format simplifié pour les collectivités qui débutent ou portent de petits projets, sans contrainte de géographie ni de thème.',
  }),
  geographic('franco-marocain', 'franco-marocain', 'MA', 'le gouvernement marocain'),
  geographic('franco-libanais', 'franco-libanais', 'LB', 'le gouvernement libanais'),
  geographic('franco-palestinien', 'franco-palestinien', 'PS', 'les autorités palestiniennes'),
  geographic('franco-ukrainien', 'franco-ukrainien', 'UA', 'le gouvernement ukrainien'),
  geographic('franco-quebecois', 'franco-québécois', 'CA', 'le gouvernement du Québec (projets au Québec)'),
  geographic('franco-senegalais', 'franco-sénégalais', 'SN', 'le gouvernement sénégalais'),
  geographic('franco-armenien', 'franco-arménien', 'AM', 'le gouvernement arménien'),
  dctciv('dctciv-littoral', 'Appel à projets thématique « Aménagement durable du littoral »', {
    themes: ['coastal_territorial', 'environment_climate'],
    description: 'Appel thématique 2025 : aménagement durable des littoraux, dans tout pays.',
  }),
  dctciv('dctciv-patrimoine', 'Appel à projets thématique « Patrimoine »', {
    themes: ['culture_heritage'],
    description: 'Appel thématique 2025 : patrimoine, dans tout pays.',
  }),
  dctciv('dctciv-sport', 'Appel à projets thématique « Sport »', {
    themes: ['youth_sport_citizenship'],
    description: 'Appel thématique 2025 : sport, dans tout pays.',
  }),
  {
    slug: 'afd-ficol',
    name: 'Facilité de financement des collectivités territoriales françaises (FICOL)',
    funder: 'Agence française de développement (AFD)',
    kind: 'facility',
    maxRatePercent: null,
    countries: [],
    themes: [],
    applicantTypes: ALL_APPLICANTS,
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: true,
    officialUrl: 'https://www.afd.fr',
    source:
      'MEAE/DGM (2025) : « L’AFD expertise et finance les projets de coopération décentralisée via sa facilité de financement des collectivités territoriales (FICOL) »',
    description:
      'L’AFD finance des projets de coopération décentralisée portés par des collectivités françaises, dans les pays où elle intervient : pays, montants et taux à vérifier auprès de l’AFD.',
  },
  {
    slug: 'un-pour-cent-eau',
    name: '1 % eau et assainissement (loi Oudin-Santini)',
    funder: 'Budget eau et assainissement de la collectivité',
    kind: 'one_percent',
    maxRatePercent: null,
    countries: [],
    themes: ['water_sanitation'],
    applicantTypes: WATER_SERVICE_APPLICANTS,
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl: 'https://www.pseau.org/outils/biblio/resume.php?d=1347&l=fr',
    source:
      'Loi n° 2005-95 du 9 février 2005, art. 1 (CGCT, art. L. 1115-1-1) : communes, EPCI et syndicats mixtes chargés de l’eau potable ou de l’assainissement, dans la limite de 1 % des ressources de ces services',
    description:
      'Une collectivité chargée de l’eau ou de l’assainissement peut consacrer jusqu’à 1 % des ressources de ces services à la coopération et à la solidarité internationales dans ce domaine.',
  },
  ...WATER_BASINS.map((basin): ReferenceProgramme => ({
    slug: `agence-eau-${basin.replaceAll('_', '-')}`,
    name: `1 % solidarité internationale — ${WATER_AGENCIES[basin].name}`,
    funder: WATER_AGENCIES[basin].name,
    kind: 'one_percent',
    maxRatePercent: null,
    countries: [],
    themes: ['water_sanitation'],
    applicantTypes: ALL_APPLICANTS,
    waterBasin: basin,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl: WATER_AGENCIES[basin].url,
    source:
      'Loi n° 2005-95 du 9 février 2005, art. 2 (code de l’environnement) : une agence de l’eau peut consacrer jusqu’à 1 % de ses ressources à la coopération internationale dans l’eau et l’assainissement ; MEAE/DGM (2025)',
    description:
      'L’agence de l’eau du bassin de la collectivité cofinance des projets d’eau et d’assainissement menés avec une collectivité étrangère.',
  })),
  {
    slug: 'un-pour-cent-energie',
    name: '1 % énergie (distribution d’électricité et de gaz)',
    funder: 'Budget du service de distribution d’électricité ou de gaz',
    kind: 'one_percent',
    maxRatePercent: null,
    countries: [],
    themes: ['energy'],
    applicantTypes: WATER_SERVICE_APPLICANTS,
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl: 'https://www.pseau.org/outils/biblio/resume.php?d=1347&l=fr',
    source:
      'CGCT, art. L. 1115-1-1 dans sa rédaction étendue à la distribution publique d’électricité et de gaz (loi n° 2006-1537 du 7 décembre 2006, à confirmer)',
    description:
      'Réservé à la collectivité (commune, EPCI, syndicat mixte) chargée du service public de distribution d’électricité ou de gaz : jusqu’à 1 % des ressources de ce service.',
  },
  {
    slug: 'un-pour-cent-dechets',
    name: '1 % déchets',
    funder: 'Budget du service de collecte et de traitement des déchets ménagers',
    kind: 'one_percent',
    maxRatePercent: null,
    countries: [],
    themes: ['waste'],
    applicantTypes: WATER_SERVICE_APPLICANTS,
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl:
      'http://www.diplomatie.gouv.fr/fr/politique-etrangere-de-la-france/action-exterieure-des-collectivites-territoriales/actualites-et-agenda-de-l-aect/actualites-de-l-aect/article/l-enjeu-dechets-un-vademecum-a-l-usage-des-elus-et-de-leurs-equipes-paris-21-09',
    source:
      'Loi n° 2014-773 du 7 juillet 2014 (CGCT, art. L. 1115-2) : communes, EPCI et syndicats mixtes compétents en collecte ou traitement des déchets ménagers, ou percevant la TEOM/REOM',
    description:
      'Réservé à la collectivité compétente pour la collecte ou le traitement des déchets ménagers : jusqu’à 1 % des ressources de ce service.',
  },
  {
    slug: 'un-pour-cent-mobilite',
    name: '1 % mobilités',
    funder: 'Budget des services de mobilité (autorité organisatrice de la mobilité)',
    kind: 'one_percent',
    maxRatePercent: null,
    countries: [],
    themes: ['transport_mobility'],
    applicantTypes: ['commune', 'epci', 'syndicat', 'region'],
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl: 'https://2017-2022.nosdeputes.fr/15/intervention/982999',
    source:
      'Loi n° 2021-1031 du 4 août 2021 de programmation relative au développement solidaire (art. 4 du projet de loi) : autorités organisatrices de la mobilité, 1 % des ressources hors versement mobilité',
    description:
      'Réservé aux autorités organisatrices de la mobilité : jusqu’à 1 % des ressources de leurs budgets de mobilité (hors versement mobilité).',
  },
  {
    slug: 'faceco',
    name: 'Fonds d’action extérieure des collectivités territoriales (Faceco)',
    funder: 'MEAE — Centre de crise et de soutien (CDCS)',
    kind: 'crisis_fund',
    maxRatePercent: null,
    countries: [],
    themes: ['civil_protection'],
    applicantTypes: ALL_APPLICANTS,
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl: DCTCIV_URL,
    source:
      'MEAE/DGM (2025) : le Faceco, géré par le CDCS, permet aux collectivités de contribuer rapidement à l’aide humanitaire internationale en cas de crise',
    description:
      'En cas de crise, une collectivité verse sa contribution au fonds, que le Centre de crise et de soutien mobilise au plus vite.',
  },
  {
    slug: 'union-europeenne',
    name: 'Programmes de l’Union européenne',
    funder: 'Union européenne',
    kind: 'eu',
    maxRatePercent: null,
    countries: [],
    themes: [],
    applicantTypes: ALL_APPLICANTS,
    waterBasin: null,
    opensOn: null,
    closesOn: null,
    datesToConfirm: false,
    officialUrl: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/',
    source:
      'Pays de la Loire Coopération Internationale (2025) : l’Union européenne parmi les partenaires financiers des collectivités',
    description:
      'Appels publiés au fil de l’eau sur le portail Funding & Tenders : vérifier que les collectivités françaises et le pays partenaire sont éligibles.',
  },
];

export interface ReferenceSupportContact {
  region: string;
  kind: 'rrma';
  name: string;
  website: string | null;
  email: string | null;
  address: string | null;
  source: string;
}

const CIRRMA_SOURCE =
  'Horizons Solidaires, « La conférence interrégionale des RRMA est née » (2019) : les neuf RRMA fondateurs';

/** Regional multi-actor networks, only where a source names them (with the contact the source gives). */
export const REFERENCE_SUPPORT_CONTACTS: readonly ReferenceSupportContact[] = [
  {
    region: 'Pays de la Loire',
    kind: 'rrma',
    name: 'Pays de la Loire Coopération Internationale',
    website: 'https://www.paysdelaloire-cooperation-internationale.org',
    email: 'contact@paysdelaloire-cooperation-internationale.org',
    address: '75 rue Bressigny, 49000 Angers',
    source:
      'Pays de la Loire Coopération Internationale, « La coopération internationale des collectivités territoriales » (2025)',
  },
  {
    region: 'Normandie',
    kind: 'rrma',
    name: 'Horizons Solidaires',
    website: 'https://www.horizons-solidaires.org',
    email: 'contact@horizons-solidaires.org',
    address: 'Maison des associations, 8 rue Germaine Tillion, 14000 Caen',
    source: CIRRMA_SOURCE,
  },
  {
    region: 'Grand Est',
    kind: 'rrma',
    name: 'Gescod',
    website: 'https://www.gescod.org',
    email: null,
    address: null,
    source: 'Gescod, « CIRRMA, RRMA et Gescod » : « Gescod est ainsi le RRMA du Grand Est »',
  },
  {
    region: 'Bretagne',
    kind: 'rrma',
    name: 'Réseau Bretagne Solidaire',
    website: null,
    email: null,
    address: null,
    source: 'CASI Bretagne, « La Bretagne de la solidarité a son réseau » (2018)',
  },
  {
    region: 'Centre-Val de Loire',
    kind: 'rrma',
    name: 'Centraider',
    website: null,
    email: null,
    address: null,
    source: CIRRMA_SOURCE,
  },
  {
    region: 'Bourgogne-Franche-Comté',
    kind: 'rrma',
    name: 'BFC International',
    website: null,
    email: null,
    address: null,
    source: CIRRMA_SOURCE,
  },
  {
    region: 'Occitanie',
    kind: 'rrma',
    name: 'Occitanie Coopération',
    website: null,
    email: null,
    address: null,
    source: CIRRMA_SOURCE,
  },
  {
    region: 'Hauts-de-France',
    kind: 'rrma',
    name: 'Lianes Coopération',
    website: null,
    email: null,
    address: null,
    source: CIRRMA_SOURCE,
  },
  {
    region: 'Nouvelle-Aquitaine',
    kind: 'rrma',
    name: 'SO Coopération',
    website: null,
    email: null,
    address: null,
    source: CIRRMA_SOURCE,
  },
];
