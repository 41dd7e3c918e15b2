/**
 * The columns of the published-requests open data (JSON, both CSVs), described once: the Table Schema served at
 * /api/v1/open-data/listings.schema.json (https://specs.frictionlessdata.io/table-schema/) and the table of the
 * /donnees-ouvertes page both come from here. Lists are joined with "|" in the CSVs.
 */
type Text = { fr: string; en: string; es: string };
export interface OpenDataColumn {
  name: string;
  type: 'string' | 'integer' | 'datetime';
  /** A list of codes or words: an array in JSON, "|"-separated in the CSVs. */
  list?: boolean;
  required?: boolean;
  description: Text;
}

export const OPEN_LISTING_SCHEMA: readonly OpenDataColumn[] = [
  {
    name: 'id',
    type: 'string',
    required: true,
    description: {
      fr: 'Identifiant stable de la demande (UUID)',
      en: 'Stable identifier of the request (UUID)',
      es: 'Identificador estable de la solicitud (UUID)',
    },
  },
  {
    name: 'url',
    type: 'string',
    required: true,
    description: {
      fr: 'Adresse de la demande sur Bourse-projets',
      en: 'Address of the request on Bourse-projets',
      es: 'Dirección de la solicitud en Bourse-projets',
    },
  },
  {
    name: 'status',
    type: 'string',
    required: true,
    description: {
      fr: 'État : published (ouverte), in_discussion (en discussion)…',
      en: 'State: published (open), in_discussion…',
      es: 'Estado: published (abierta), in_discussion (en conversación)…',
    },
  },
  {
    name: 'title',
    type: 'string',
    required: true,
    description: {
      fr: 'Titre, dans la langue de rédaction',
      en: 'Title, in the language it was written in',
      es: 'Título, en el idioma de redacción',
    },
  },
  {
    name: 'summary',
    type: 'string',
    required: true,
    description: {
      fr: 'Résumé, dans la langue de rédaction',
      en: 'Summary, in the language it was written in',
      es: 'Resumen, en el idioma de redacción',
    },
  },
  {
    name: 'originalLanguage',
    type: 'string',
    required: true,
    description: {
      fr: 'Langue de rédaction (code ISO 639-1)',
      en: 'Language written in (ISO 639-1 code)',
      es: 'Idioma de redacción (código ISO 639-1)',
    },
  },
  {
    name: 'countryCode',
    type: 'string',
    required: true,
    description: {
      fr: 'Pays de la collectivité (code ISO 3166-1 alpha-2)',
      en: 'Country of the authority (ISO 3166-1 alpha-2 code)',
      es: 'País de la entidad (código ISO 3166-1 alfa-2)',
    },
  },
  {
    name: 'countryName',
    type: 'string',
    required: true,
    description: { fr: 'Nom du pays en français', en: 'Country name in French', es: 'Nombre del país en francés' },
  },
  {
    name: 'continent',
    type: 'string',
    required: true,
    description: {
      fr: 'Continent (AF, AS, EU, NA, SA, OC)',
      en: 'Continent (AF, AS, EU, NA, SA, OC)',
      es: 'Continente (AF, AS, EU, NA, SA, OC)',
    },
  },
  {
    name: 'authorityName',
    type: 'string',
    required: true,
    description: {
      fr: 'Nom de la collectivité étrangère',
      en: 'Name of the foreign local authority',
      es: 'Nombre de la entidad local extranjera',
    },
  },
  {
    name: 'authorityType',
    type: 'string',
    required: true,
    description: {
      fr: 'Type : municipality, intercommunal, province, region',
      en: 'Type: municipality, intercommunal, province, region',
      es: 'Tipo: municipality, intercommunal, province, region',
    },
  },
  {
    name: 'region',
    type: 'string',
    description: {
      fr: 'Région ou province de la collectivité',
      en: 'Region or province of the authority',
      es: 'Región o provincia de la entidad',
    },
  },
  {
    name: 'population',
    type: 'integer',
    description: {
      fr: 'Nombre d’habitants déclaré',
      en: 'Number of inhabitants declared',
      es: 'Número de habitantes declarado',
    },
  },
  {
    name: 'themes',
    type: 'string',
    list: true,
    description: {
      fr: 'Thèmes (codes de la liste des thèmes)',
      en: 'Themes (codes of the theme list)',
      es: 'Temas (códigos de la lista de temas)',
    },
  },
  {
    name: 'dacCodes',
    type: 'string',
    list: true,
    description: {
      fr: 'Codes-objet CAD/SNPC de l’OCDE correspondant aux thèmes',
      en: 'OECD DAC/CRS purpose codes matching the themes',
      es: 'Códigos de finalidad CAD/CRS de la OCDE de los temas',
    },
  },
  {
    name: 'forms',
    type: 'string',
    list: true,
    description: {
      fr: 'Formes de coopération souhaitées',
      en: 'Forms of cooperation sought',
      es: 'Formas de cooperación buscadas',
    },
  },
  {
    name: 'contributionTypes',
    type: 'string',
    list: true,
    description: {
      fr: 'Apports attendus (expertise, formation, cofinancement…)',
      en: 'Contributions sought (expertise, training, co-funding…)',
      es: 'Aportes esperados (experiencia, formación, cofinanciación…)',
    },
  },
  {
    name: 'exchangeLanguages',
    type: 'string',
    list: true,
    description: {
      fr: 'Langues d’échange (codes ISO 639-1)',
      en: 'Languages of exchange (ISO 639-1 codes)',
      es: 'Idiomas de intercambio (códigos ISO 639-1)',
    },
  },
  {
    name: 'durationMonths',
    type: 'integer',
    description: {
      fr: 'Durée envisagée, en mois',
      en: 'Intended duration, in months',
      es: 'Duración prevista, en meses',
    },
  },
  {
    name: 'budgetEur',
    type: 'integer',
    description: {
      fr: 'Budget indicatif, en euros',
      en: 'Indicative budget, in euros',
      es: 'Presupuesto indicativo, en euros',
    },
  },
  {
    name: 'localContributionEur',
    type: 'integer',
    description: {
      fr: 'Contribution de la collectivité, en euros',
      en: 'The authority’s own contribution, in euros',
      es: 'Aporte de la entidad, en euros',
    },
  },
  {
    name: 'publishedAt',
    type: 'datetime',
    description: {
      fr: 'Date de publication (ISO 8601, UTC)',
      en: 'Publication date (ISO 8601, UTC)',
      es: 'Fecha de publicación (ISO 8601, UTC)',
    },
  },
  {
    name: 'lastConfirmedAt',
    type: 'datetime',
    description: {
      fr: 'Dernière confirmation par la collectivité (ISO 8601)',
      en: 'Last confirmed by the authority (ISO 8601)',
      es: 'Última confirmación por la entidad (ISO 8601)',
    },
  },
  {
    name: 'expiresAt',
    type: 'datetime',
    description: {
      fr: 'Fin de publication sauf nouvelle confirmation (ISO 8601)',
      en: 'End of publication unless confirmed again (ISO 8601)',
      es: 'Fin de la publicación salvo nueva confirmación (ISO 8601)',
    },
  },
];

/** The Table Schema document (descriptions in English, the API's language; the page shows them in the reader's). */
export function openListingTableSchema() {
  return {
    fields: OPEN_LISTING_SCHEMA.map((c) => ({
      name: c.name,
      type: c.list ? 'string' : c.type,
      ...(c.list
        ? {
            format: 'default',
            description: `${c.description.en}; a list, values separated by "|" in the CSV files (an array in JSON)`,
          }
        : { description: c.description.en }),
      ...(c.required ? { constraints: { required: true } } : {}),
    })),
    primaryKey: 'id',
    missingValues: [''],
  };
}
