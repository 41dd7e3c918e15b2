import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEME_CODES } from '../../src/lib/reference/index.js';
import {
  THEME_VOCABULARIES,
  VOCABULARY_LANGUAGES,
  type VocabularyLanguage,
} from '../../src/lib/reference/vocabulary/index.js';
import { startSearchRelay, type SearchRelay } from '../../src/lib/server/search/relay.js';
import { searchListings } from '../../src/lib/server/search/search-listings.js';
import { buildSynonyms } from '../../src/lib/server/search/synonyms.js';
import { createAuthority } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { eventually, insertListings } from './listings.js';

describe('the per-theme vocabulary files', () => {
  it('cover every theme once, every concept in every language', () => {
    expect(THEME_VOCABULARIES.map((v) => v.theme).sort()).toEqual([...THEME_CODES].sort());
    for (const { theme, concepts } of THEME_VOCABULARIES) {
      expect(concepts.length, theme).toBeGreaterThanOrEqual(4);
      for (const concept of concepts)
        for (const language of VOCABULARY_LANGUAGES) {
          expect(concept[language].length, `${theme} ${concept.fr[0]} ${language}`).toBeGreaterThan(0);
          for (const word of concept[language]) expect(word, `${theme} ${language}`).toBe(word.trim().toLowerCase());
        }
    }
  });

  it('put each word in one concept only (a shared word would merge two concepts)', () => {
    const owner = new Map<string, string>();
    for (const { theme, concepts } of THEME_VOCABULARIES)
      concepts.forEach((concept, i) => {
        for (const word of new Set(VOCABULARY_LANGUAGES.flatMap((l) => concept[l]))) {
          expect(owner.get(word), `"${word}" in ${theme}#${i} and ${owner.get(word)}`).toBeUndefined();
          owner.set(word, `${theme}#${i}`);
        }
      });
  });

  it('become synonym groups: "basura" leads to "déchets" and back', () => {
    const synonyms = buildSynonyms();
    expect(synonyms.basura).toEqual(expect.arrayContaining(['déchets', 'ordures', 'waste', 'lixo']));
    expect(synonyms['déchets']).toContain('basura');
  });
});

describe('cross-language search, for every theme', () => {
  let ctx: TestContext;
  let relay: SearchRelay;
  /** Each theme's requests sit in a country of their own, so a search can be narrowed to one theme's requests. */
  const COUNTRIES = [
    'SN',
    'MG',
    'EC',
    'CO',
    'PE',
    'BJ',
    'BF',
    'ML',
    'MA',
    'TN',
    'VN',
    'KH',
    'LB',
    'AM',
    'HT',
    'CM',
    'BO',
    'UA',
  ];
  const countryOf = new Map(THEME_VOCABULARIES.map((v, i) => [v.theme, COUNTRIES[i]!]));
  /** theme → language → id of the request written in that language. */
  const requestIds = new Map<string, Map<VocabularyLanguage, string>>();

  beforeAll(async () => {
    ctx = await createTestServices();
    relay = startSearchRelay(ctx.services, { pollMs: 200 });
    const values = [];
    for (const { theme, concepts } of THEME_VOCABULARIES) {
      const authority = await createAuthority(ctx.services, { kind: 'foreign', country: countryOf.get(theme)! });
      for (const language of VOCABULARY_LANGUAGES) {
        const words = concepts.map((c) => c[language][0]!);
        values.push({
          authorityId: authority.id,
          country: countryOf.get(theme)!,
          originalLanguage: language,
          title: words[0]!,
          summary: words.slice(1).join(', '),
          // Tagged with an unrelated theme: its labels (indexed in three languages) must not be what matches.
          themes: [theme === 'tourism' ? 'health' : 'tourism'],
          forms: ['thematic_project'],
          exchangeLanguages: [language],
        });
      }
    }
    const rows = await insertListings(ctx.services, values);
    rows.forEach((row, i) => {
      const theme = THEME_VOCABULARIES[Math.floor(i / VOCABULARY_LANGUAGES.length)]!.theme;
      if (!requestIds.has(theme)) requestIds.set(theme, new Map());
      requestIds.get(theme)!.set(row.originalLanguage as VocabularyLanguage, row.id);
    });
    await eventually(async () => {
      const all = await searchListings(ctx.services, {});
      expect(all).toMatchObject({ total: rows.length, degraded: false });
    });
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await ctx?.cleanup();
  });

  it('finds, for each word of each language, the request written in every other language', async () => {
    const misses: string[] = [];
    for (const { theme, concepts } of THEME_VOCABULARIES) {
      const ids = requestIds.get(theme)!;
      const searches = concepts.flatMap((concept) =>
        VOCABULARY_LANGUAGES.flatMap((from) => concept[from].map((word) => ({ from, word }))),
      );
      const results = await Promise.all(
        searches.map(({ word }) =>
          searchListings(ctx.services, { q: word, country: countryOf.get(theme)! }, { meiliTimeoutMs: 30_000 }),
        ),
      );
      results.forEach((result, i) => {
        const { from, word } = searches[i]!;
        expect(result.degraded).toBe(false);
        const found = new Set(result.hits.map((h) => h.id));
        for (const to of VOCABULARY_LANGUAGES)
          if (to !== from && !found.has(ids.get(to)!)) misses.push(`${theme}: "${word}" (${from}) misses ${to}`);
      });
    }
    expect(misses).toEqual([]);
  }, 240_000);

  it('Arabic (ماء, مياه, المياه) and Portuguese (água, saneamento) queries find the French requests about water', async () => {
    const french = (theme: string) => requestIds.get(theme)!.get('fr')!;
    const country = countryOf.get('water_sanitation')!;
    for (const q of ['ماء', 'مياه', 'المياه', 'água']) {
      const result = await searchListings(ctx.services, { q, country });
      expect(
        result.hits.map((h) => h.id),
        q,
      ).toContain(french('water_sanitation'));
      expect(result.hits.find((h) => h.id === french('water_sanitation'))?.title, q).toBe('eau');
    }
    // The French request whose summary names "assainissement", found by the Portuguese and the Arabic word.
    for (const q of ['saneamento', 'الصرف الصحي'])
      expect(
        (await searchListings(ctx.services, { q, country })).hits.map((h) => h.id),
        q,
      ).toContain(french('water_sanitation'));
  });

  it('finds a French request by the words of its Arabic, Portuguese and Ukrainian translations', async () => {
    const authority = await createAuthority(ctx.services, { kind: 'foreign', country: 'MR' });
    const [row] = await insertListings(ctx.services, [
      {
        authorityId: authority.id,
        country: 'MR',
        title: 'Réseau de distribution à Nouadhibou',
        summary: 'Étendre le réseau aux quartiers périphériques.',
        translations: {
          ar: { title: 'شبكة توزيع في نواذيبو', summary: 'توسيع الشبكة إلى الأحياء الطرفية' },
          pt: { title: 'Rede de distribuição em Nouadhibou', summary: 'Alargar a rede aos bairros periféricos' },
          uk: { title: 'Розподільча мережа в Нуадібу', summary: 'Розширити мережу на околиці' },
        },
        themes: ['water_sanitation'],
        forms: ['thematic_project'],
        exchangeLanguages: ['fr', 'ar'],
      },
    ]);
    await eventually(async () => {
      for (const q of ['الشبكة', 'نواذيبو', 'periféricos', 'околиці'])
        expect(
          (await searchListings(ctx.services, { q, country: 'MR' })).hits.map((h) => h.id),
          q,
        ).toContain(row!.id);
    });
  });

  it('"basura" finds the French request about "déchets"', async () => {
    const result = await searchListings(ctx.services, { q: 'basura', country: countryOf.get('waste')! });
    const french = result.hits.find((h) => h.id === requestIds.get('waste')!.get('fr'));
    expect(french?.title).toBe('déchets');
  });
});
