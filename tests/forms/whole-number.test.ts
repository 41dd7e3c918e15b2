import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../../src/lib/forms/whole-number.js';

describe('whole numbers as people write them', () => {
  it.each([
    ['120 000 €', 'fr', 120_000],
    ['120\u202f000\u00a0€', 'fr', 120_000],
    ['120.000', 'fr', 120_000],
    ['120 000,00 €', 'fr', 120_000],
    ['30 000 €', 'fr', 30_000],
    ['120.000', 'es', 120_000],
    ['1.200.000 €', 'es', 1_200_000],
    ['120.000 EUR', 'es', 120_000],
    ['120,000', 'en', 120_000],
    ['€120,000.00', 'en', 120_000],
    ["1'200", 'fr', 1_200],
    ['36', 'fr', 36],
    ['330 000 habitants', 'fr', 330_000],
  ])('%j in %s is %d', (raw, locale, expected) => {
    expect(parseWholeNumber(raw, locale)).toBe(expected);
  });

  it('leaves what is not a whole number for the domain to refuse, and empty as nothing', () => {
    expect(parseWholeNumber('', 'fr')).toBeNull();
    expect(parseWholeNumber('   ', 'es')).toBeNull();
    for (const [raw, locale] of [
      ['1,5', 'fr'],
      ['120.5', 'en'],
      ['120.000', 'en'],
      ['1.20', 'es'],
      ['beaucoup', 'fr'],
      ['-5', 'fr'],
      ['12.34.567', 'es'],
    ]) {
      expect(parseWholeNumber(raw!, locale!), `${raw} in ${locale}`).toBe(raw);
    }
  });
});
