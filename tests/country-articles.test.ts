import { describe, expect, it } from 'vitest';
import { allFrenchCountryForms, frenchCountryForms } from '../src/lib/reference/country-articles.js';

describe('French names of countries in a sentence', () => {
  it.each([
    ['CO', 'la Colombie', 'en Colombie'],
    ['SN', 'le Sénégal', 'au Sénégal'],
    ['KM', 'les Comores', 'aux Comores'],
    ['EC', 'l’Équateur', 'en Équateur'],
    ['AF', 'l’Afghanistan', 'en Afghanistan'],
    ['CU', 'Cuba', 'à Cuba'],
    ['HT', 'Haïti', 'en Haïti'],
    ['MG', 'Madagascar', 'à Madagascar'],
    ['MX', 'le Mexique', 'au Mexique'],
    ['KH', 'le Cambodge', 'au Cambodge'],
    ['US', 'les États-Unis', 'aux États-Unis'],
    ['HN', 'le Honduras', 'au Honduras'],
    ['HU', 'la Hongrie', 'en Hongrie'],
    ['PE', 'le Pérou', 'au Pérou'],
    ['MA', 'le Maroc', 'au Maroc'],
    ['TN', 'la Tunisie', 'en Tunisie'],
    ['VN', 'le Vietnam', 'au Vietnam'],
    ['IL', 'Israël', 'en Israël'],
    ['JM', 'la Jamaïque', 'à la Jamaïque'],
    ['SV', 'le Salvador', 'au Salvador'],
    ['CI', 'la Côte d’Ivoire', 'en Côte d’Ivoire'],
    ['UA', 'l’Ukraine', 'en Ukraine'],
    ['IQ', 'l’Irak', 'en Irak'],
  ])('%s: %s, %s', (code, definite, locative) => {
    expect(frenchCountryForms(code)).toEqual({ definite, locative });
  });

  it('covers every country of the list, each with an article or a preposition that reads', () => {
    const all = allFrenchCountryForms();
    expect(all.length).toBeGreaterThan(190);
    for (const { code, definite, locative } of all) {
      expect(locative, code).toMatch(/^(en|au|aux|à|à la) \S/);
      expect(definite, code).not.toMatch(/^(le|la) [AEIOUÉ]/);
    }
  });
});
