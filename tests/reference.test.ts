import { describe, expect, it } from 'vitest';
import {
  CONTINENTS,
  CONTRIBUTION_TYPES,
  COOPERATION_FORMS,
  COUNTRIES,
  countryName,
  findCountry,
  findTheme,
  FOREIGN_AUTHORITY_TYPES,
  FRENCH_AUTHORITY_TYPES,
  isCountryCode,
  isForeignCountry,
  isSovereignForeignCountry,
  isFormCode,
  isLanguageCode,
  isThemeCode,
  LANGUAGES,
  LOCALES,
  populationBracket,
  POPULATION_BRACKETS,
  THEMES,
  type Label,
} from '../src/lib/reference/index.js';

const labelled = (items: ReadonlyArray<{ code: string; name: Label }>) => {
  expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
  for (const item of items)
    for (const locale of LOCALES) expect(item.name[locale], `${item.code}.${locale}`).toMatch(/\S/);
};

describe('reference data', () => {
  it('has every ISO 3166-1 country once, named in French, English and Spanish, on a known continent', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(245);
    labelled(COUNTRIES);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(CONTINENTS.map((x) => x.code)).toContain(c.continent);
    }
    expect(findCountry('SN')).toMatchObject({ continent: 'AF', name: { fr: 'Sénégal', en: 'Senegal', es: 'Senegal' } });
    expect(findCountry('PE')!.continent).toBe('SA');
    expect(findCountry('MX')!.continent).toBe('NA');
    expect(countryName('AM', 'fr')).toBe('Arménie');
    expect(isCountryCode('XX')).toBe(false);
  });

  it('treats France and its overseas territories as French, not foreign', () => {
    expect(isForeignCountry('SN')).toBe(true);
    for (const code of ['FR', 'RE', 'GP', 'NC']) expect(isForeignCountry(code)).toBe(false);
    // Nobody lives there, so no authority can register there.
    for (const code of ['AQ', 'BV', 'HM', 'GS', 'UM']) expect(isForeignCountry(code)).toBe(false);
  });

  it('tells sovereign countries from dependent territories', () => {
    const sovereign = COUNTRIES.filter((c) => isSovereignForeignCountry(c.code));
    // 193 UN members minus France, plus the Holy See, Palestine and Kosovo (recognised by France).
    expect(sovereign).toHaveLength(195);
    for (const code of ['CO', 'PE', 'SN', 'PS', 'XK', 'VA', 'UA']) expect(isSovereignForeignCountry(code)).toBe(true);
    for (const code of ['GI', 'GL', 'HK', 'PR', 'BM', 'EH', 'GP', 'AQ'])
      expect(isSovereignForeignCountry(code)).toBe(false);
    // A correspondent may still cover a territory (the registration then opens it).
    expect(isForeignCountry('GI')).toBe(true);
  });

  it('has the 18 themes of the product brief, each with its OECD-DAC codes', () => {
    expect(THEMES).toHaveLength(18);
    labelled(THEMES);
    for (const t of THEMES) {
      expect(t.dac.length).toBeGreaterThan(0);
      for (const code of t.dac) expect(code).toMatch(/^\d{3,5}$/);
    }
    expect(findTheme('water_sanitation')!.dac).toEqual(['140']);
    expect(findTheme('waste')!.dac).toEqual(['14050']);
    expect(findTheme('agriculture_food')!.dac).toEqual(['311', '312', '313']);
    expect(isThemeCode('health')).toBe(true);
    expect(isThemeCode('space')).toBe(false);
  });

  it('has the forms of cooperation, contribution types, authority types and languages, in three languages', () => {
    expect(COOPERATION_FORMS.map((f) => f.code)).toEqual(
      expect.arrayContaining([
        'twinning',
        'friendship_pact',
        'partnership_agreement',
        'one_percent',
        'humanitarian',
        'multi_authority',
      ]),
    );
    labelled(COOPERATION_FORMS);
    labelled(CONTRIBUTION_TYPES);
    labelled(FOREIGN_AUTHORITY_TYPES);
    labelled(FRENCH_AUTHORITY_TYPES);
    labelled(LANGUAGES);
    expect(FRENCH_AUTHORITY_TYPES.map((t) => t.code)).toEqual(['commune', 'epci', 'departement', 'region']);
    expect(isFormCode('twinning')).toBe(true);
    expect(isLanguageCode('wo')).toBe(true);
    expect(isLanguageCode('xx')).toBe(false);
  });

  it('puts every population in exactly one size bracket', () => {
    labelled(POPULATION_BRACKETS);
    expect(populationBracket(860)).toBe('lt5k');
    expect(populationBracket(4_999)).toBe('lt5k');
    expect(populationBracket(5_000)).toBe('5k-20k');
    expect(populationBracket(2_000_000)).toBe('gte500k');
    expect(populationBracket(null)).toBeNull();
  });
});
