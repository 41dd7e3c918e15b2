/**
 * The columns of the published-requests open data (JSON, both CSVs), described once: the Table Schema served at
 * /api/v1/open-data/listings.schema.json (https://specs.frictionlessdata.io/table-schema/) and the table of the
 * /donnees-ouvertes page both come from here. Lists are joined with "|" in the CSVs.
 */
/** A column's description in each interface language (the page shows the reader's). */
type Text = Record<'fr' | 'en' | 'es' | 'pt' | 'ar' | 'uk', string>;
export interface OpenDataColumn {
  name: string;
  type: 'string' | 'integer' | 'date' | 'datetime';
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
      pt: 'Identificador estável do pedido (UUID)',
      ar: 'معرّف ثابت للطلب (UUID)',
      uk: 'Незмінний ідентифікатор запиту (UUID)',
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
      pt: 'Endereço do pedido na Bourse-projets',
      ar: 'عنوان الطلب على Bourse-projets',
      uk: 'Адреса запиту на Bourse-projets',
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
      pt: 'Estado: published (aberto), in_discussion (em discussão)…',
      ar: 'الحالة: published (مفتوح)، in_discussion (قيد النقاش)…',
      uk: 'Стан: published (відкритий), in_discussion (обговорюється)…',
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
      pt: 'Título, na língua em que foi redigido',
      ar: 'العنوان، بلغة التحرير',
      uk: 'Назва мовою, якою її написано',
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
      pt: 'Resumo, na língua em que foi redigido',
      ar: 'الملخص، بلغة التحرير',
      uk: 'Стислий опис мовою, якою його написано',
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
      pt: 'Língua de redação (código ISO 639-1)',
      ar: 'لغة التحرير (رمز ISO 639-1)',
      uk: 'Мова написання (код ISO 639-1)',
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
      pt: 'País da coletividade (código ISO 3166-1 alfa-2)',
      ar: 'بلد الجماعة (رمز ISO 3166-1 alpha-2)',
      uk: 'Країна громади (код ISO 3166-1 alpha-2)',
    },
  },
  {
    name: 'countryName',
    type: 'string',
    required: true,
    description: {
      fr: 'Nom du pays en français',
      en: 'Country name in French',
      es: 'Nombre del país en francés',
      pt: 'Nome do país em francês',
      ar: 'اسم البلد بالفرنسية',
      uk: 'Назва країни французькою',
    },
  },
  {
    name: 'continent',
    type: 'string',
    required: true,
    description: {
      fr: 'Continent (AF, AS, EU, NA, SA, OC)',
      en: 'Continent (AF, AS, EU, NA, SA, OC)',
      es: 'Continente (AF, AS, EU, NA, SA, OC)',
      pt: 'Continente (AF, AS, EU, NA, SA, OC)',
      ar: 'القارة (AF، AS، EU، NA، SA، OC)',
      uk: 'Континент (AF, AS, EU, NA, SA, OC)',
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
      pt: 'Nome da coletividade local estrangeira',
      ar: 'اسم الجماعة المحلية الأجنبية',
      uk: 'Назва іноземної територіальної громади',
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
      pt: 'Tipo: municipality, intercommunal, province, region',
      ar: 'النوع: municipality، intercommunal، province، region',
      uk: 'Тип: municipality, intercommunal, province, region',
    },
  },
  {
    name: 'region',
    type: 'string',
    description: {
      fr: 'Région ou province de la collectivité',
      en: 'Region or province of the authority',
      es: 'Región o provincia de la entidad',
      pt: 'Região ou província da coletividade',
      ar: 'جهة الجماعة أو إقليمها',
      uk: 'Регіон або провінція громади',
    },
  },
  {
    name: 'population',
    type: 'integer',
    description: {
      fr: 'Nombre d’habitants déclaré',
      en: 'Number of inhabitants declared',
      es: 'Número de habitantes declarado',
      pt: 'Número de habitantes declarado',
      ar: 'عدد السكان المصرّح به',
      uk: 'Задекларована кількість мешканців',
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
      pt: 'Temas (códigos da lista de temas)',
      ar: 'المحاور (رموز قائمة المحاور)',
      uk: 'Теми (коди зі списку тем)',
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
      pt: 'Códigos de finalidade CAD/CRS da OCDE correspondentes aos temas',
      ar: 'رموز الأغراض DAC/CRS لمنظمة التعاون الاقتصادي والتنمية المطابقة للمحاور',
      uk: 'Коди цілей DAC/CRS ОЕСР, що відповідають темам',
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
      pt: 'Formas de cooperação procuradas',
      ar: 'أشكال التعاون المطلوبة',
      uk: 'Бажані форми співпраці',
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
      pt: 'Contribuições procuradas (especialização, formação, cofinanciamento…)',
      ar: 'المساهمات المطلوبة (خبرة، تكوين، تمويل مشترك…)',
      uk: 'Бажані внески (експертиза, навчання, співфінансування…)',
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
      pt: 'Línguas de trabalho (códigos ISO 639-1)',
      ar: 'لغات التواصل (رموز ISO 639-1)',
      uk: 'Мови спілкування (коди ISO 639-1)',
    },
  },
  {
    name: 'durationMonths',
    type: 'integer',
    description: {
      fr: 'Durée envisagée, en mois',
      en: 'Intended duration, in months',
      es: 'Duración prevista, en meses',
      pt: 'Duração prevista, em meses',
      ar: 'المدة المتوقعة بالأشهر',
      uk: 'Орієнтовна тривалість, у місяцях',
    },
  },
  {
    name: 'budgetEur',
    type: 'integer',
    description: {
      fr: 'Budget indicatif, en euros',
      en: 'Indicative budget, in euros',
      es: 'Presupuesto indicativo, en euros',
      pt: 'Orçamento indicativo, em euros',
      ar: 'الميزانية التقديرية باليورو',
      uk: 'Орієнтовний бюджет, у євро',
    },
  },
  {
    name: 'localContributionEur',
    type: 'integer',
    description: {
      fr: 'Contribution de la collectivité, en euros',
      en: 'The authority’s own contribution, in euros',
      es: 'Aporte de la entidad, en euros',
      pt: 'Contribuição própria da coletividade, em euros',
      ar: 'المساهمة الذاتية للجماعة باليورو',
      uk: 'Власний внесок громади, у євро',
    },
  },
  {
    name: 'publishedAt',
    type: 'datetime',
    description: {
      fr: 'Date de publication (ISO 8601, UTC)',
      en: 'Publication date (ISO 8601, UTC)',
      es: 'Fecha de publicación (ISO 8601, UTC)',
      pt: 'Data de publicação (ISO 8601, UTC)',
      ar: 'تاريخ النشر (ISO 8601، UTC)',
      uk: 'Дата публікації (ISO 8601, UTC)',
    },
  },
  {
    name: 'lastConfirmedAt',
    type: 'datetime',
    description: {
      fr: 'Dernière confirmation par la collectivité (ISO 8601)',
      en: 'Last confirmed by the authority (ISO 8601)',
      es: 'Última confirmación por la entidad (ISO 8601)',
      pt: 'Última confirmação pela coletividade (ISO 8601)',
      ar: 'آخر تأكيد من الجماعة (ISO 8601)',
      uk: 'Останнє підтвердження громадою (ISO 8601)',
    },
  },
  {
    name: 'expiresAt',
    type: 'datetime',
    description: {
      fr: 'Fin de publication sauf nouvelle confirmation (ISO 8601)',
      en: 'End of publication unless confirmed again (ISO 8601)',
      es: 'Fin de la publicación salvo nueva confirmación (ISO 8601)',
      pt: 'Fim da publicação salvo nova confirmação (ISO 8601)',
      ar: 'نهاية النشر ما لم يُعَد التأكيد (ISO 8601)',
      uk: 'Кінець публікації, якщо її не підтвердять знову (ISO 8601)',
    },
  },
];

/** A Table Schema document (descriptions in English, the API's language; the page shows them in the reader's). */
export function tableSchemaOf(columns: readonly OpenDataColumn[]) {
  return {
    fields: columns.map((c) => ({
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

export const openListingTableSchema = () => tableSchemaOf(OPEN_LISTING_SCHEMA);
