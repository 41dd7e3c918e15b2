// Synthetic but plausible cooperation requests for the search benchmark: countries, languages and themes are
// spread roughly as in the Bourse (francophone Africa first, then Eastern Europe, Asia, Latin America).
import { faker } from '@faker-js/faker';
import { COOPERATION_FORMS, FOREIGN_TYPE_CODES, THEMES, type Locale } from '../src/lib/reference/index.js';
import { loadCofinancingReference } from '../src/lib/server/cofinancing/catalogue.js';
import { authorities, listings } from '../src/lib/server/db/schema/index.js';
import type { Services } from '../src/lib/server/runtime/services.js';
import type { SearchInput } from '../src/lib/server/search/search-query.js';

type Weighted<T> = Array<{ weight: number; value: T }>;

/** Country → weight, languages (first = usual original language). */
const COUNTRIES: Array<[string, number, string[]]> = [
  ['SN', 12, ['fr', 'wo']],
  ['MG', 8, ['fr', 'mg']],
  ['BJ', 7, ['fr']],
  ['MA', 7, ['fr', 'ar']],
  ['TN', 5, ['fr', 'ar']],
  ['CM', 6, ['fr', 'en']],
  ['BF', 6, ['fr']],
  ['ML', 4, ['fr']],
  ['CI', 6, ['fr']],
  ['LB', 4, ['fr', 'ar', 'en']],
  ['HT', 3, ['fr', 'ht']],
  ['TG', 3, ['fr']],
  ['NE', 2, ['fr']],
  ['GN', 2, ['fr']],
  ['CD', 3, ['fr']],
  ['MR', 2, ['fr', 'ar']],
  ['DZ', 2, ['fr', 'ar']],
  ['PS', 2, ['ar', 'en', 'fr']],
  ['UA', 5, ['uk', 'en']],
  ['AM', 3, ['hy', 'en', 'fr']],
  ['GE', 1, ['ka', 'en']],
  ['RO', 1, ['ro', 'fr']],
  ['PL', 1, ['pl', 'en']],
  ['VN', 5, ['vi', 'fr', 'en']],
  ['KH', 2, ['km', 'fr']],
  ['LA', 1, ['lo', 'fr']],
  ['CN', 2, ['zh', 'en']],
  ['EC', 3, ['es']],
  ['PE', 3, ['es']],
  ['MX', 3, ['es', 'en']],
  ['CO', 2, ['es']],
  ['BO', 1, ['es']],
  ['CL', 1, ['es']],
  ['BR', 2, ['pt', 'en']],
];

const THEME_WEIGHTS: Record<string, number> = {
  water_sanitation: 15,
  agriculture_food: 10,
  governance: 9,
  civil_protection: 4,
  education_training: 9,
  health: 8,
  environment_climate: 8,
  waste: 7,
  energy: 6,
  urban_housing: 5,
  transport_mobility: 3,
  local_economy: 6,
  tourism: 3,
  culture_heritage: 5,
  youth_sport_citizenship: 4,
  gender_equality: 3,
  digital: 3,
  coastal_territorial: 2,
};

/** The benchmark writes its synthetic texts in French, English or Spanish only. */
type TextLocale = Extract<Locale, 'fr' | 'en' | 'es'>;
const PHRASES: Record<TextLocale, { actions: string[]; places: string[]; needs: string[]; authority: string }> = {
  fr: {
    actions: [
      'Renforcement des capacités',
      'Projet pilote',
      'Appui technique',
      'Réhabilitation',
      'Construction',
      'Formation des agents',
      'Étude de faisabilité',
      'Création d’un service',
      'Échange d’expériences',
      'Programme communal',
    ],
    places: [
      'dans les quartiers périphériques',
      'en milieu rural',
      'au centre-ville',
      'dans les écoles',
      'au marché central',
      'pour les villages isolés',
    ],
    needs: [
      'Nous cherchons une collectivité française partenaire.',
      'La commune apporte le terrain et la main-d’œuvre.',
      'Un appui en expertise est attendu.',
      'Le projet bénéficiera à plusieurs milliers d’habitants.',
      'Un cofinancement est recherché.',
    ],
    authority: 'Commune de',
  },
  en: {
    actions: [
      'Capacity building',
      'Pilot project',
      'Technical support',
      'Rehabilitation',
      'Construction',
      'Staff training',
      'Feasibility study',
      'Setting up a service',
      'Exchange of experience',
      'Municipal programme',
    ],
    places: [
      'in peri-urban districts',
      'in rural areas',
      'in the city centre',
      'in schools',
      'at the central market',
      'for remote villages',
    ],
    needs: [
      'We are looking for a French partner authority.',
      'The municipality provides land and labour.',
      'Expertise is expected from the French side.',
      'Several thousand inhabitants will benefit.',
      'Co-funding is sought.',
    ],
    authority: 'City of',
  },
  es: {
    actions: [
      'Fortalecimiento de capacidades',
      'Proyecto piloto',
      'Apoyo técnico',
      'Rehabilitación',
      'Construcción',
      'Formación del personal',
      'Estudio de factibilidad',
      'Creación de un servicio',
      'Intercambio de experiencias',
      'Programa municipal',
    ],
    places: [
      'en los barrios periféricos',
      'en zonas rurales',
      'en el centro',
      'en las escuelas',
      'en el mercado central',
      'para comunidades aisladas',
    ],
    needs: [
      'Buscamos una colectividad francesa socia.',
      'El municipio aporta el terreno y la mano de obra.',
      'Se espera experiencia técnica.',
      'Beneficiará a varios miles de habitantes.',
      'Se busca cofinanciación.',
    ],
    authority: 'Municipio de',
  },
};

function pick<T>(items: Weighted<T>): T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  let r = faker.number.float({ min: 0, max: total });
  for (const item of items) if ((r -= item.weight) <= 0) return item.value;
  return items.at(-1)!.value;
}

const countryPool: Weighted<(typeof COUNTRIES)[number]> = COUNTRIES.map((c) => ({ weight: c[1], value: c }));
const themePool: Weighted<string> = Object.entries(THEME_WEIGHTS).map(([value, weight]) => ({ value, weight }));
const textLocale = (language: string): TextLocale => (language === 'es' ? 'es' : language === 'fr' ? 'fr' : 'en');

export function generateAuthorities(count: number): Array<typeof authorities.$inferInsert> {
  return Array.from({ length: count }, () => {
    const [country, , languages] = pick(countryPool);
    return {
      kind: 'foreign' as const,
      type: pick(FOREIGN_TYPE_CODES.map((value, i) => ({ value, weight: [70, 10, 10, 10][i] ?? 1 }))),
      name: `${PHRASES[textLocale(languages[0]!)].authority} ${faker.location.city()}`,
      country,
      region: faker.location.state(),
      // Log-uniform between 1,000 and 5 million: many small towns, a few big cities.
      population: Math.round(10 ** faker.number.float({ min: 3, max: 6.7 })),
      languages,
      verifiedAt: new Date(),
    };
  });
}

type Authority = { id: string; country: string; languages: string[] };

export function generateListing(authority: Authority): typeof listings.$inferInsert {
  const originalLanguage = authority.languages[0]!;
  const locale = textLocale(originalLanguage);
  const phrases = PHRASES[locale];
  const themes = faker.helpers.uniqueArray(() => pick(themePool), faker.number.int({ min: 1, max: 3 }));
  const theme = THEMES.find((t) => t.code === themes[0])!;
  const city = faker.location.city();
  const title = `${faker.helpers.arrayElement(phrases.actions)} : ${theme.name[locale].toLowerCase()} ${faker.helpers.arrayElement(phrases.places)}`;
  const summary = `${theme.name[locale]} — ${city}. ${faker.helpers.arrayElements(phrases.needs, 2).join(' ')}`;
  const status = pick<'published' | 'in_discussion' | 'draft' | 'submitted' | 'closed'>([
    { value: 'published', weight: 85 },
    { value: 'in_discussion', weight: 5 },
    { value: 'draft', weight: 5 },
    { value: 'submitted', weight: 3 },
    { value: 'closed', weight: 2 },
  ]);
  const publishedAt = status === 'draft' || status === 'submitted' ? null : faker.date.past({ years: 3 });
  return {
    authorityId: authority.id,
    country: authority.country,
    status,
    originalLanguage,
    title,
    summary,
    context: faker.helpers
      .arrayElements([...phrases.needs, ...phrases.places.map((p) => `${theme.name[locale]} ${p}.`)], 4)
      .join(' '),
    objectives: `${faker.helpers.arrayElement(phrases.actions)} ${faker.helpers.arrayElement(phrases.places)}.`,
    expectedFromFrance: faker.helpers.arrayElement(phrases.needs),
    themes,
    forms: faker.helpers.arrayElements(
      COOPERATION_FORMS.map((f) => f.code),
      { min: 1, max: 2 },
    ),
    exchangeLanguages: [
      ...new Set([
        originalLanguage,
        ...faker.helpers.arrayElements(authority.languages, { min: 0, max: 2 }),
        ...(faker.datatype.boolean(0.6) ? ['fr'] : []),
      ]),
    ],
    translations:
      locale !== 'fr' && faker.datatype.boolean(0.3)
        ? { fr: { title: `${theme.name.fr} : ${PHRASES.fr.actions[0]}`, summary: PHRASES.fr.needs[0]! } }
        : {},
    electedOfficial: { name: faker.person.fullName(), email: faker.internet.email() },
    publishedAt,
  };
}

/** A search as a visitor would type it: words (some misspelt, some in another language) and filters. */
export function generateSearches(count: number): SearchInput[] {
  const words = [
    'eau',
    'water',
    'agua',
    'assainissement',
    'santé',
    'health',
    'école',
    'school',
    'residuos',
    'déchets',
    'énergie solaire',
    'transport',
    'formation',
    'tourisme',
    'patrimoine',
    'asainissement',
    'educaton',
    'agricultura',
    'climat',
    'marché',
    'jeunesse',
    'numérique',
    'gouvernance locale',
  ];
  const countries = COUNTRIES.map((c) => c[0]);
  return Array.from({ length: count }, (_, i): SearchInput => {
    const q = faker.helpers.arrayElement(words);
    const country = faker.helpers.arrayElements(countries, { min: 1, max: 2 });
    const theme = pick(themePool);
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        return { q };
      case 3:
      case 4:
      case 5:
        return { q, country };
      case 6:
        return { country, theme };
      case 7:
        // The co-financing facet (issue #17) as a filter: one more disjunctive count query in the multi-search.
        return { country, theme, cofinancing: [faker.helpers.arrayElement(['afd-ficol', 'un-pour-cent-eau'])] };
      case 8:
        return { q, theme, sort: 'newest', page: String(faker.number.int({ min: 1, max: 3 })) };
      default:
        return {
          continent: faker.helpers.arrayElement(['AF', 'AS', 'SA', 'EU']),
          population: faker.helpers.arrayElement(['lt5k', '5k-20k', '20k-100k']),
          sort: 'population_desc',
        };
    }
  });
}

/** Inserts `count` requests (and one authority per dozen) straight into Postgres; returns the authorities. */
/** `seed` varies between calls that add to an already seeded database (the growth runs of bench:search). */
export async function seedListings(services: Services, count: number, log: (message: string) => void, seed = 4242) {
  // The co-financing programmes the app loads at start-up, loaded first: the documents the reindex then builds carry
  // the "co-financeable by" facet the searches filter on, and the app's start adds none (which would queue every
  // request for re-indexing while the benchmark runs).
  await loadCofinancingReference(services.db);
  faker.seed(seed);
  const generated = generateAuthorities(Math.ceil(count / 12));
  const rows: Authority[] = [];
  for (let i = 0; i < generated.length; i += 2_000) {
    rows.push(
      ...(await services.db
        .insert(authorities)
        .values(generated.slice(i, i + 2_000))
        .returning({ id: authorities.id, country: authorities.country, languages: authorities.languages })),
    );
  }
  for (let i = 0; i < count; i += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - i) }, () =>
      generateListing(faker.helpers.arrayElement(rows)),
    );
    await services.db.insert(listings).values(batch);
    // About ten progress lines per size, whatever the size.
    if ((i / 1_000 + 1) % Math.max(1, Math.round(count / 10_000)) === 0 || i + batch.length === count)
      log(`  inserted ${i + batch.length}/${count} requests`);
  }
  return rows;
}
