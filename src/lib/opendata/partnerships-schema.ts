import type { OpenDataColumn } from './listings-schema.js';

/**
 * The columns of the confirmed-partnerships open data (JSON, both CSVs), described once for the Table Schema
 * (/api/v1/open-data/partnerships.schema.json) and the /donnees-ouvertes page, in the six interface languages.
 * No person appears: neither who declared nor who confirmed, and not the free-text description (authorities
 * were never told it would be published); only authorities, countries, themes, dates and the public link.
 */
export type PartnershipColumn = OpenDataColumn;

export const OPEN_PARTNERSHIP_SCHEMA: readonly PartnershipColumn[] = [
  {
    name: 'id',
    type: 'string',
    required: true,
    description: {
      fr: 'Identifiant stable du partenariat (UUID)',
      en: 'Stable identifier of the partnership (UUID)',
      es: 'Identificador estable de la asociación (UUID)',
      pt: 'Identificador estável da parceria (UUID)',
      ar: 'معرّف ثابت للشراكة (UUID)',
      uk: 'Постійний ідентифікатор партнерства (UUID)',
    },
  },
  {
    name: 'frenchAuthorityName',
    type: 'string',
    required: true,
    description: {
      fr: 'Nom de la collectivité française',
      en: 'Name of the French local authority',
      es: 'Nombre de la entidad territorial francesa',
      pt: 'Nome da coletividade francesa',
      ar: 'اسم الجماعة المحلية الفرنسية',
      uk: 'Назва французької територіальної громади',
    },
  },
  {
    name: 'frenchAuthorityCode',
    type: 'string',
    description: {
      fr: 'Code officiel de la collectivité française : INSEE (commune, département, région) ou SIREN (EPCI, syndicat)',
      en: 'Official code of the French authority: INSEE (commune, département, région) or SIREN (EPCI, syndicate)',
      es: 'Código oficial de la entidad francesa: INSEE (municipio, departamento, región) o SIREN (EPCI, sindicato)',
      pt: 'Código oficial da coletividade francesa: INSEE (comuna, departamento, região) ou SIREN (EPCI, sindicato)',
      ar: 'الرمز الرسمي للجماعة الفرنسية: INSEE (بلدية، مقاطعة، جهة) أو SIREN (هيئة تعاون بين البلديات، نقابة)',
      uk: 'Офіційний код французької громади: INSEE (комуна, департамент, регіон) або SIREN (EPCI, синдикат)',
    },
  },
  {
    name: 'frenchAuthorityType',
    type: 'string',
    required: true,
    description: {
      fr: 'Type : commune, epci, syndicat, departement, region',
      en: 'Type: commune, epci, syndicat, departement, region',
      es: 'Tipo: commune, epci, syndicat, departement, region',
      pt: 'Tipo: commune, epci, syndicat, departement, region',
      ar: 'النوع: commune أو epci أو syndicat أو departement أو region',
      uk: 'Тип: commune, epci, syndicat, departement, region',
    },
  },
  {
    name: 'frenchAuthorityRegion',
    type: 'string',
    description: {
      fr: 'Région de la collectivité française',
      en: 'Région of the French authority',
      es: 'Región de la entidad francesa',
      pt: 'Região da coletividade francesa',
      ar: 'جهة الجماعة الفرنسية',
      uk: 'Регіон французької громади',
    },
  },
  {
    name: 'frenchAuthorityUrl',
    type: 'string',
    required: true,
    description: {
      fr: 'Page publique de la collectivité française sur Bourse-projets',
      en: 'Public page of the French authority on Bourse-projets',
      es: 'Página pública de la entidad francesa en Bourse-projets',
      pt: 'Página pública da coletividade francesa na Bourse-projets',
      ar: 'الصفحة العامة للجماعة الفرنسية على Bourse-projets',
      uk: 'Публічна сторінка французької громади на Bourse-projets',
    },
  },
  {
    name: 'foreignAuthorityName',
    type: 'string',
    required: true,
    description: {
      fr: 'Nom de la collectivité partenaire à l’étranger',
      en: 'Name of the partner authority abroad',
      es: 'Nombre de la entidad socia en el extranjero',
      pt: 'Nome da coletividade parceira no estrangeiro',
      ar: 'اسم الجماعة الشريكة في الخارج',
      uk: 'Назва громади-партнера за кордоном',
    },
  },
  {
    name: 'foreignAuthorityType',
    type: 'string',
    required: true,
    description: {
      fr: 'Type de la collectivité partenaire : municipality, region…',
      en: 'Type of the partner authority: municipality, region…',
      es: 'Tipo de la entidad socia: municipality, region…',
      pt: 'Tipo da coletividade parceira: municipality, region…',
      ar: 'نوع الجماعة الشريكة: municipality أو region…',
      uk: 'Тип громади-партнера: municipality, region…',
    },
  },
  {
    name: 'countryCode',
    type: 'string',
    required: true,
    description: {
      fr: 'Pays de la collectivité partenaire (ISO 3166-1 alpha-2)',
      en: 'Country of the partner authority (ISO 3166-1 alpha-2)',
      es: 'País de la entidad socia (ISO 3166-1 alfa-2)',
      pt: 'País da coletividade parceira (ISO 3166-1 alfa-2)',
      ar: 'بلد الجماعة الشريكة (ISO 3166-1 alpha-2)',
      uk: 'Країна громади-партнера (ISO 3166-1 alpha-2)',
    },
  },
  {
    name: 'countryName',
    type: 'string',
    required: true,
    description: {
      fr: 'Nom du pays, en français',
      en: 'Country name, in French',
      es: 'Nombre del país, en francés',
      pt: 'Nome do país, em francês',
      ar: 'اسم البلد بالفرنسية',
      uk: 'Назва країни французькою',
    },
  },
  {
    name: 'themes',
    type: 'string',
    list: true,
    description: {
      fr: 'Thèmes de la coopération (codes de la liste de référence)',
      en: 'Themes of the cooperation (reference list codes)',
      es: 'Temas de la cooperación (códigos de la lista de referencia)',
      pt: 'Temas da cooperação (códigos da lista de referência)',
      ar: 'مواضيع التعاون (رموز القائمة المرجعية)',
      uk: 'Теми співпраці (коди довідкового списку)',
    },
  },
  {
    name: 'dacCodes',
    type: 'string',
    list: true,
    description: {
      fr: 'Codes-objet CAD/SNPC de l’OCDE correspondant aux thèmes',
      en: 'OECD DAC/CRS purpose codes matching the themes',
      es: 'Códigos de finalidad CAD/CRS de la OCDE correspondientes a los temas',
      pt: 'Códigos de finalidade CAD/CRS da OCDE correspondentes aos temas',
      ar: 'رموز الغرض لدى لجنة المساعدة الإنمائية/نظام الإبلاغ للدائنين (OCDE) المقابلة للمواضيع',
      uk: 'Коди призначення DAC/CRS ОЕСР, що відповідають темам',
    },
  },
  {
    name: 'startedOn',
    type: 'date',
    description: {
      fr: 'Début de la coopération (AAAA-MM-JJ), si connu',
      en: 'Start of the cooperation (YYYY-MM-DD), when known',
      es: 'Inicio de la cooperación (AAAA-MM-DD), si se conoce',
      pt: 'Início da cooperação (AAAA-MM-DD), se conhecido',
      ar: 'بداية التعاون (YYYY-MM-DD) إن كانت معروفة',
      uk: 'Початок співпраці (РРРР-ММ-ДД), якщо відомо',
    },
  },
  {
    name: 'endedOn',
    type: 'date',
    description: {
      fr: 'Fin de la coopération (AAAA-MM-JJ) ; vide si elle continue',
      en: 'End of the cooperation (YYYY-MM-DD); empty while it goes on',
      es: 'Fin de la cooperación (AAAA-MM-DD); vacío si continúa',
      pt: 'Fim da cooperação (AAAA-MM-DD); vazio se continua',
      ar: 'نهاية التعاون (YYYY-MM-DD)؛ فارغ ما دام مستمرًا',
      uk: 'Кінець співпраці (РРРР-ММ-ДД); порожньо, поки триває',
    },
  },
  {
    name: 'link',
    type: 'string',
    description: {
      fr: 'Page publique sur le partenariat (convention, projet), si donnée',
      en: 'Public page about the partnership (agreement, project), when given',
      es: 'Página pública sobre la asociación (convenio, proyecto), si se indicó',
      pt: 'Página pública sobre a parceria (convénio, projeto), se indicada',
      ar: 'صفحة عامة عن الشراكة (اتفاقية، مشروع) إن وُجدت',
      uk: 'Публічна сторінка про партнерство (угода, проєкт), якщо вказано',
    },
  },
  {
    name: 'confirmedAt',
    type: 'datetime',
    description: {
      fr: 'Confirmation par l’autre collectivité ou le correspondant (ISO 8601)',
      en: 'Confirmed by the other authority or the correspondent (ISO 8601)',
      es: 'Confirmación por la otra entidad o el corresponsal (ISO 8601)',
      pt: 'Confirmação pela outra coletividade ou pelo correspondente (ISO 8601)',
      ar: 'تأكيد من الجماعة الأخرى أو من المراسل (ISO 8601)',
      uk: 'Підтверджено іншою громадою або кореспондентом (ISO 8601)',
    },
  },
];
