import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// French is the base locale; every other interface language must be complete (src/lib/i18n/README.md). A key missing in one
// language would show its raw name to readers of that language.
const root = path.resolve(import.meta.dirname, '../src/lib/i18n/messages');
const areas = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const read = (area: string, locale: string): Record<string, string> => {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(path.join(root, area, `${locale}.json`), 'utf8'));
  return messages;
};
/** Every interface language, read from the Paraglide project (the one list the app compiles). */
const locales: string[] = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../project.inlang/settings.json'), 'utf8'),
).locales;
const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface text', () => {
  it('covers French, English, Spanish, Portuguese, Arabic and Ukrainian', () => {
    expect([...locales].sort()).toEqual(['ar', 'en', 'es', 'fr', 'pt', 'uk']);
  });

  it.each(areas)('%s: every language has every French message, with the same parameters, none empty', (area) => {
    const fr = read(area, 'fr');
    expect(Object.keys(fr).length).toBeGreaterThan(0);
    for (const locale of locales.filter((l) => l !== 'fr')) {
      const other = read(area, locale);
      expect(Object.keys(other).sort(), `${area}/${locale}.json keys`).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr)) {
        expect(other[key]!.trim(), `${area}/${locale}.json ${key}`).not.toBe('');
        expect(parameters(other[key]!), `${area}/${locale}.json ${key} parameters`).toEqual(parameters(text));
      }
    }
  });
});

describe('terms and typography', () => {
  const all = (locale: string) =>
    Object.assign({}, ...areas.map((area) => read(area, locale))) as Record<string, string>;

  it.each(['fr', 'en', 'es'])(
    '%s: one state has one name on every page (listing and partnership states alike)',
    (locale) => {
      const byState = new Map<string, Set<string>>();
      for (const [key, text] of Object.entries(all(locale))) {
        const state = key.match(/^(?:listing|partnership)_status_(\w+)$/)?.[1];
        if (state) byState.set(state, (byState.get(state) ?? new Set()).add(text));
      }
      for (const [state, names] of byState) expect([...names], `${locale} ${state}`).toHaveLength(1);
    },
  );

  it.each(['en', 'es'])('%s: no French spacing before : ; ! ? nor inside quotes', (locale) => {
    for (const [key, text] of Object.entries(all(locale))) {
      expect(text, `${locale} ${key}`).not.toMatch(/[ \u00a0\u202f][:;!?](\s|$)|«[ \u00a0\u202f]|[ \u00a0\u202f]»/);
    }
  });
});
