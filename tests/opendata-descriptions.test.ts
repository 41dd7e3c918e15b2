import { describe, expect, it } from 'vitest';
import settings from '../project.inlang/settings.json' with { type: 'json' };
import { OPEN_LISTING_SCHEMA } from '../src/lib/opendata/listings-schema.js';

describe('open-data column descriptions', () => {
  it('describe every column in every interface language, each in its own words', () => {
    for (const column of OPEN_LISTING_SCHEMA) {
      for (const locale of settings.locales as string[]) {
        const text = (column.description as Record<string, string | undefined>)[locale];
        expect(text?.trim(), `${column.name} ${locale}`).toBeTruthy();
      }
      // A language left as a copy of English is not translated (codes and "ISO 8601" aside, the words differ).
      for (const locale of ['pt', 'ar', 'uk'] as const)
        expect(column.description[locale], `${column.name} ${locale}`).not.toBe(column.description.en);
    }
  });

  it('keep the French typography in French only (a space before the colon)', () => {
    for (const column of OPEN_LISTING_SCHEMA)
      for (const locale of ['en', 'es', 'pt', 'uk'] as const)
        expect(column.description[locale], `${column.name} ${locale}`).not.toMatch(/ :/);
  });
});
