import { describe, expect, it } from 'vitest';
import { searchInWords } from '../../src/lib/server/views/search-view.js';

const labels = {
  q: 'Mots-clés',
  country: 'Pays',
  continent: 'Continent',
  theme: 'Thème',
  form: 'Forme',
  authorityType: 'Type',
  population: 'Taille',
  language: 'Langue',
  cofinancing: 'Cofinançable par',
};

describe('a saved search in words', () => {
  it('names every criterion and value in the reader’s language, never the query string', () => {
    expect(
      searchInWords('q=eau+potable&continent=SA&theme=water_sanitation&country=PE&country=EC', 'fr', labels),
    ).toEqual([
      { label: 'Mots-clés', values: ['« eau potable »'] },
      { label: 'Pays', values: ['Pérou', 'Équateur'] },
      { label: 'Continent', values: ['Amérique du Sud'] },
      { label: 'Thème', values: ['Eau et assainissement'] },
    ]);
    expect(searchInWords('country=PE', 'es', { ...labels, country: 'País' })).toEqual([
      { label: 'País', values: ['Perú'] },
    ]);
    expect(
      searchInWords('cofinancing=afd-ficol&cofinancing=gone-programme', 'fr', labels, [
        { slug: 'afd-ficol', name: 'FICOL' },
      ]),
    ).toEqual([{ label: 'Cofinançable par', values: ['FICOL', 'gone-programme'] }]);
    expect(searchInWords('', 'fr', labels)).toEqual([]);
    expect(searchInWords('country=ZZ', 'fr', labels)).toBeNull();
  });
});
