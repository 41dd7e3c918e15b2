import type { DesiredPartner, ListingText } from '../db/schema/index.js';
import type { ListingStatus } from '../listings/transitions.js';

/** A demo request: its content, the state it is in, and how many days ago it was submitted. */
export interface DemoListing {
  authority: string;
  status: ListingStatus;
  /** Days since submission; publication follows a few days later. */
  daysAgo: number;
  lang: 'fr' | 'en' | 'es';
  title: string;
  summary: string;
  context?: string;
  objectives?: string;
  expectedFromFrance?: string;
  themes: string[];
  forms: string[];
  contributionTypes: string[];
  exchangeLanguages: string[];
  durationMonths?: number;
  budgetEur?: number;
  localContributionEur?: number;
  desiredPartner?: DesiredPartner;
  translations?: Record<string, ListingText>;
  /** Pending changes to a published request, waiting for moderation. */
  revision?: { title?: string; summary?: string };
  moderatorComment?: string;
}

export const DEMO_LISTINGS: readonly DemoListing[] = [
  {
    authority: 'ziguinchor',
    status: 'published',
    daysAgo: 40,
    lang: 'fr',
    title: 'Gestion des déchets ménagers dans les quartiers de Ziguinchor',
    summary:
      'La commune veut organiser la pré-collecte des déchets dans six quartiers, avec des GIE de jeunes, et créer un centre de tri et de compostage.',
    context:
      'Les dépôts sauvages se multiplient le long du fleuve Casamance ; la collecte ne couvre que 40 % des ménages.',
    objectives: 'Couvrir 80 % des ménages en trois ans ; valoriser 30 % des déchets organiques.',
    expectedFromFrance:
      "Expertise d'un service propreté, formation des agents, appui au montage d'un dossier « 1 % déchets ».",
    themes: ['waste', 'environment_climate'],
    forms: ['one_percent', 'expertise_exchange'],
    contributionTypes: ['expertise', 'training', 'co_funding'],
    exchangeLanguages: ['fr'],
    durationMonths: 36,
    budgetEur: 420_000,
    localContributionEur: 60_000,
    desiredPartner: { types: ['commune', 'epci'], populationMin: 20_000, expertise: 'Collecte, tri, compostage' },
    translations: {
      en: {
        title: 'Household waste management in the districts of Ziguinchor',
        summary:
          'The municipality wants to organise pre-collection in six districts with youth groups and build a sorting and composting centre.',
      },
    },
  },
  {
    authority: 'ziguinchor',
    status: 'submitted',
    daysAgo: 6,
    lang: 'fr',
    title: 'Jumelage culturel autour du patrimoine casamançais',
    summary:
      'Échanges entre conservatoires, résidences d’artistes et valorisation du patrimoine bâti colonial et traditionnel.',
    themes: ['culture_heritage', 'youth_sport_citizenship'],
    forms: ['twinning', 'youth_mobility'],
    contributionTypes: ['staff_exchange', 'training'],
    exchangeLanguages: ['fr'],
    durationMonths: 24,
    budgetEur: 60_000,
  },
  {
    authority: 'ziguinchor',
    status: 'draft',
    daysAgo: 1,
    lang: 'fr',
    title: 'Numérisation de l’état civil de Ziguinchor',
    summary: 'Numériser 300 000 actes et former les agents à un logiciel libre de gestion de l’état civil.',
    themes: ['digital', 'governance'],
    forms: ['expertise_exchange'],
    contributionTypes: ['expertise', 'equipment'],
    exchangeLanguages: ['fr'],
  },
  {
    authority: 'podor',
    status: 'published',
    daysAgo: 120,
    lang: 'fr',
    title: 'Accès à l’eau potable des villages du Walo',
    summary:
      'Forages, châteaux d’eau solaires et comités de gestion dans douze villages rattachés à la commune de Podor.',
    themes: ['water_sanitation', 'energy'],
    forms: ['one_percent', 'thematic_project'],
    contributionTypes: ['co_funding', 'expertise'],
    exchangeLanguages: ['fr'],
    durationMonths: 30,
    budgetEur: 650_000,
    localContributionEur: 40_000,
    desiredPartner: { types: ['commune', 'epci'], expertise: 'Régie des eaux, loi Oudin-Santini' },
    revision: {
      summary:
        'Forages, châteaux d’eau solaires et comités de gestion dans quinze villages, avec un volet assainissement des écoles.',
    },
  },
  {
    authority: 'chefchaouen',
    status: 'in_discussion',
    daysAgo: 200,
    lang: 'fr',
    title: 'Tourisme durable et préservation de la médina de Chefchaouen',
    summary: 'Plan de gestion des flux touristiques, signalétique patrimoniale et formation de guides locaux.',
    themes: ['tourism', 'culture_heritage'],
    forms: ['partnership_agreement'],
    contributionTypes: ['expertise', 'training'],
    exchangeLanguages: ['fr', 'ar'],
    durationMonths: 24,
    budgetEur: 180_000,
    translations: {
      en: {
        title: 'Sustainable tourism and preservation of the Chefchaouen medina',
        summary: 'Visitor flow management plan, heritage signage and training of local guides.',
      },
    },
  },
  {
    authority: 'essaouira',
    status: 'submitted',
    daysAgo: 12,
    lang: 'fr',
    title: 'Protection du littoral et des dunes d’Essaouira',
    summary:
      'Restaurer le cordon dunaire, organiser la fréquentation des plages et suivre l’érosion côtière avec l’université.',
    themes: ['coastal_territorial', 'environment_climate'],
    forms: ['thematic_project'],
    contributionTypes: ['expertise'],
    exchangeLanguages: ['fr', 'ar'],
    durationMonths: 36,
    budgetEur: 250_000,
  },
  {
    authority: 'sidibousaid',
    status: 'published',
    daysAgo: 60,
    lang: 'fr',
    title: 'Pacte d’amitié entre villages d’artistes de Méditerranée',
    summary:
      'Sidi Bou Saïd cherche une petite commune française à forte identité artistique pour un pacte d’amitié et des résidences croisées.',
    themes: ['culture_heritage', 'tourism'],
    forms: ['friendship_pact'],
    contributionTypes: ['staff_exchange'],
    exchangeLanguages: ['fr', 'ar'],
    durationMonths: 36,
    budgetEur: 30_000,
    desiredPartner: {
      types: ['commune'],
      populationMax: 10_000,
      frenchRegions: ['Provence-Alpes-Côte d’Azur', 'Occitanie'],
    },
  },
  {
    authority: 'abomey',
    status: 'matched',
    daysAgo: 300,
    lang: 'fr',
    title: 'Restauration des palais royaux d’Abomey et formation d’artisans',
    summary: 'Relancer un partenariat pour la formation aux techniques de terre crue et la médiation culturelle.',
    themes: ['culture_heritage', 'education_training'],
    forms: ['partnership_agreement'],
    contributionTypes: ['expertise', 'training'],
    exchangeLanguages: ['fr'],
    durationMonths: 48,
    budgetEur: 300_000,
  },
  {
    authority: 'fianarantsoa',
    status: 'published',
    daysAgo: 25,
    lang: 'fr',
    title: 'Sécurité alimentaire : marchés de producteurs et cantines scolaires',
    summary: 'Approvisionner 40 cantines scolaires en produits locaux et structurer deux marchés de producteurs.',
    themes: ['agriculture_food', 'education_training'],
    forms: ['thematic_project'],
    contributionTypes: ['expertise', 'co_funding'],
    exchangeLanguages: ['fr', 'mg'],
    durationMonths: 24,
    budgetEur: 210_000,
    localContributionEur: 25_000,
    desiredPartner: { types: ['departement', 'commune'], expertise: 'Restauration collective, circuits courts' },
  },
  {
    authority: 'dschang',
    status: 'changes_requested',
    daysAgo: 15,
    lang: 'fr',
    title: 'Mobilité urbaine douce à Dschang',
    summary: 'Pistes cyclables.',
    themes: ['transport_mobility'],
    forms: ['expertise_exchange'],
    contributionTypes: ['expertise'],
    exchangeLanguages: ['fr', 'en'],
    moderatorComment:
      'Merci de détailler le résumé (quartiers concernés, budget, contribution locale) avant publication.',
  },
  {
    authority: 'bobo',
    status: 'published',
    daysAgo: 80,
    lang: 'fr',
    title: 'Électrification solaire des centres de santé périphériques',
    summary:
      'Équiper 15 centres de santé de systèmes solaires et former des techniciens municipaux à leur maintenance.',
    themes: ['energy', 'health'],
    forms: ['one_percent', 'thematic_project'],
    contributionTypes: ['equipment', 'training', 'co_funding'],
    exchangeLanguages: ['fr'],
    durationMonths: 24,
    budgetEur: 380_000,
    localContributionEur: 30_000,
  },
  {
    authority: 'bobo',
    status: 'closed',
    daysAgo: 500,
    lang: 'fr',
    title: 'Jumelage scolaire et échanges de jeunes',
    summary: 'Correspondance entre écoles, séjours de jeunes volontaires et équipement de bibliothèques.',
    themes: ['youth_sport_citizenship', 'education_training'],
    forms: ['twinning', 'youth_mobility'],
    contributionTypes: ['staff_exchange'],
    exchangeLanguages: ['fr'],
    durationMonths: 24,
    budgetEur: 45_000,
  },
  {
    authority: 'byblos',
    status: 'published',
    daysAgo: 35,
    lang: 'fr',
    title: 'Gestion des risques et protection civile à Byblos',
    summary: 'Plan communal de sauvegarde, formation des volontaires et équipement d’un centre de crise municipal.',
    themes: ['civil_protection', 'governance'],
    forms: ['expertise_exchange'],
    contributionTypes: ['expertise', 'training', 'equipment'],
    exchangeLanguages: ['fr', 'ar', 'en'],
    durationMonths: 18,
    budgetEur: 140_000,
    translations: {
      en: {
        title: 'Risk management and civil protection in Byblos',
        summary: 'Municipal safeguard plan, volunteer training and equipment for a municipal crisis centre.',
      },
    },
  },
  {
    authority: 'chernivtsi',
    status: 'published',
    daysAgo: 20,
    lang: 'en',
    title: 'Rebuilding heating networks and energy efficiency of schools',
    summary:
      'Chernivtsi seeks a French partner to modernise district heating and insulate 12 schools hosting displaced families.',
    context: 'The city hosts over 50,000 internally displaced people; its heating network dates from the 1970s.',
    themes: ['energy', 'civil_protection'],
    forms: ['thematic_project', 'humanitarian'],
    contributionTypes: ['expertise', 'equipment', 'co_funding'],
    exchangeLanguages: ['en', 'uk'],
    durationMonths: 36,
    budgetEur: 1_200_000,
    localContributionEur: 150_000,
    desiredPartner: { types: ['region', 'departement', 'epci'], populationMin: 100_000 },
    translations: {
      fr: {
        title: 'Reconstruction des réseaux de chaleur et efficacité énergétique des écoles',
        summary:
          'Tchernivtsi cherche un partenaire français pour moderniser son réseau de chaleur et isoler 12 écoles accueillant des familles déplacées.',
      },
    },
  },
  {
    authority: 'chernivtsi',
    status: 'rejected',
    daysAgo: 90,
    lang: 'en',
    title: 'Purchase of municipal vehicles',
    summary: 'Funding for ten municipal vehicles.',
    themes: ['transport_mobility'],
    forms: ['humanitarian'],
    contributionTypes: ['co_funding'],
    exchangeLanguages: ['en'],
    moderatorComment:
      'A request for equipment funding alone is not a cooperation partnership; please describe a joint project.',
  },
  {
    authority: 'gyumri',
    status: 'published',
    daysAgo: 50,
    lang: 'en',
    title: 'Youth entrepreneurship hub in Gyumri',
    summary:
      'Create a municipal hub for young entrepreneurs in crafts and digital services, with mentoring from a French city.',
    themes: ['local_economy', 'youth_sport_citizenship', 'digital'],
    forms: ['expertise_exchange', 'youth_mobility'],
    contributionTypes: ['expertise', 'staff_exchange'],
    exchangeLanguages: ['en', 'hy', 'ru'],
    durationMonths: 24,
    budgetEur: 160_000,
  },
  {
    authority: 'kutaisi',
    status: 'expired',
    daysAgo: 400,
    lang: 'en',
    title: 'Restoration of the Kutaisi botanical garden',
    summary: 'Partnership with a French city known for its public gardens to restore the historic botanical garden.',
    themes: ['environment_climate', 'culture_heritage'],
    forms: ['thematic_project'],
    contributionTypes: ['expertise'],
    exchangeLanguages: ['en', 'ka'],
    durationMonths: 24,
    budgetEur: 90_000,
  },
  {
    authority: 'hue',
    status: 'published',
    daysAgo: 70,
    lang: 'en',
    title: 'Flood resilience of the Perfume River basin',
    summary: 'Early warning, flood-adapted urban planning and protection of heritage sites in Huế.',
    themes: ['civil_protection', 'urban_housing', 'environment_climate'],
    forms: ['multi_authority', 'expertise_exchange'],
    contributionTypes: ['expertise', 'training'],
    exchangeLanguages: ['en', 'fr', 'vi'],
    durationMonths: 36,
    budgetEur: 520_000,
    translations: {
      fr: {
        title: 'Résilience aux inondations du bassin de la rivière des Parfums',
        summary: 'Alerte précoce, urbanisme adapté aux crues et protection des sites patrimoniaux de Huế.',
      },
    },
  },
  {
    authority: 'siemreap',
    status: 'archived',
    daysAgo: 260,
    lang: 'en',
    title: 'Solid waste management around the Angkor temples',
    summary: 'Waste collection and sorting in villages around the Angkor site.',
    themes: ['waste', 'tourism'],
    forms: ['thematic_project'],
    contributionTypes: ['expertise'],
    exchangeLanguages: ['en', 'km'],
  },
  {
    authority: 'siemreap',
    status: 'published',
    daysAgo: 10,
    lang: 'en',
    title: 'Vocational training in hospitality for rural youth',
    summary: 'A training centre for 200 young people a year in hospitality and cooking, with internships in France.',
    themes: ['education_training', 'tourism'],
    forms: ['youth_mobility', 'partnership_agreement'],
    contributionTypes: ['training', 'staff_exchange'],
    exchangeLanguages: ['en', 'fr', 'km'],
    durationMonths: 36,
    budgetEur: 240_000,
  },
  {
    authority: 'cuenca',
    status: 'published',
    daysAgo: 45,
    lang: 'es',
    title: 'Movilidad sostenible y tranvía de Cuenca',
    summary:
      'Cuenca busca una ciudad francesa con tranvía para intercambiar experiencia sobre operación, intermodalidad y espacio público.',
    themes: ['transport_mobility', 'urban_housing'],
    forms: ['expertise_exchange', 'partnership_agreement'],
    contributionTypes: ['expertise', 'staff_exchange'],
    exchangeLanguages: ['es', 'en'],
    durationMonths: 24,
    budgetEur: 120_000,
    desiredPartner: { types: ['epci'], populationMin: 200_000, expertise: 'Exploitation d’un tramway' },
    translations: {
      fr: {
        title: 'Mobilité durable et tramway de Cuenca',
        summary:
          'Cuenca cherche une ville française dotée d’un tramway pour échanger sur l’exploitation, l’intermodalité et l’espace public.',
      },
    },
  },
  {
    authority: 'cusco',
    status: 'in_discussion',
    daysAgo: 150,
    lang: 'es',
    title: 'Gestión del agua y saneamiento en barrios altos del Cusco',
    summary:
      'Ampliar la red de agua potable y alcantarillado en cinco barrios periurbanos y fortalecer la empresa municipal.',
    themes: ['water_sanitation'],
    forms: ['one_percent'],
    contributionTypes: ['co_funding', 'expertise'],
    exchangeLanguages: ['es'],
    durationMonths: 36,
    budgetEur: 700_000,
    localContributionEur: 100_000,
  },
  {
    authority: 'oaxaca',
    status: 'published',
    daysAgo: 30,
    lang: 'es',
    title: 'Igualdad de género y prevención de la violencia en Oaxaca',
    summary: 'Crear una red municipal de centros de atención a mujeres y formar a la policía municipal.',
    themes: ['gender_equality', 'governance'],
    forms: ['expertise_exchange'],
    contributionTypes: ['expertise', 'training'],
    exchangeLanguages: ['es', 'fr'],
    durationMonths: 24,
    budgetEur: 110_000,
  },
  {
    authority: 'jacmel',
    status: 'published',
    daysAgo: 55,
    lang: 'fr',
    title: 'Reconstruction et protection du centre historique de Jacmel',
    summary: 'Réhabilitation des maisons à galeries, normes parasismiques et formation d’artisans du bâtiment.',
    themes: ['civil_protection', 'culture_heritage', 'urban_housing'],
    forms: ['partnership_agreement'],
    contributionTypes: ['expertise', 'training', 'co_funding'],
    exchangeLanguages: ['fr', 'ht'],
    durationMonths: 48,
    budgetEur: 800_000,
  },
];
