import { describe, expect, it } from 'vitest';
import { preferredLocale } from '../src/lib/server/hooks/locale-preference.js';

describe('the language a browser asks for', () => {
  it.each([
    ['es-CO,es;q=0.9,en;q=0.8', 'es'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5,fr;q=0.7', 'fr'],
    ['de-DE;q=1, es;q=0.3, en;q=0.4', 'en'],
    ['pt-BR;q=1, es;q=0.3, en;q=0.4', 'pt'],
    ['ar-MA,ar;q=0.9,fr;q=0.8', 'ar'],
    ['uk-UA', 'uk'],
    ['FR-be', 'fr'],
  ])('%s → %s', (header, expected) => {
    expect(preferredLocale(header)).toBe(expected);
  });

  it('none of ours, or nothing asked: no preference', () => {
    expect(preferredLocale('de-DE,ja;q=0.5')).toBeNull();
    expect(preferredLocale('*')).toBeNull();
    expect(preferredLocale(null)).toBeNull();
    expect(preferredLocale('es;q=0')).toBeNull();
  });
});
