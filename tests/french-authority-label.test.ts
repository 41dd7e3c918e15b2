import { describe, expect, it } from 'vitest';
import { frenchAuthorityLabel } from '../src/lib/reference/french-authority-label.js';

describe('a French collectivité as people recognise it', () => {
  it('names communes with their département number, départements with theirs, never a raw code', () => {
    const brest = { name: 'Brest', type: 'commune', officialCode: '29019', departement: 'Finistère (29)' };
    expect(frenchAuthorityLabel(brest, 'fr')).toBe('Brest (29) — commune');
    expect(frenchAuthorityLabel(brest, 'es')).toBe('Brest (29) — municipio');
    expect(frenchAuthorityLabel({ ...brest, departement: null }, 'fr')).toBe('Brest (29) — commune');
    const ajaccio = { name: 'Ajaccio', type: 'commune', officialCode: '2A004', departement: null };
    expect(frenchAuthorityLabel(ajaccio, 'fr')).toBe('Ajaccio (2A) — commune');
    const pointeAPitre = { name: 'Pointe-à-Pitre', type: 'commune', officialCode: '97120', departement: null };
    expect(frenchAuthorityLabel(pointeAPitre, 'fr')).toBe('Pointe-à-Pitre (971) — commune');
    const finistere = { name: 'Finistère', type: 'departement', officialCode: '29', departement: null };
    expect(frenchAuthorityLabel(finistere, 'fr')).toBe('Finistère (29) — département');
    const bretagne = { name: 'Bretagne', type: 'region', officialCode: 'REG-53', departement: null };
    expect(frenchAuthorityLabel(bretagne, 'fr')).toBe('Bretagne — région');
    expect(frenchAuthorityLabel(bretagne, 'en')).not.toContain('REG-53');
  });
});
