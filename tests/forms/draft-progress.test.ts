import { describe, expect, it } from 'vitest';
import { resumeStep, stepCompletion } from '../../src/routes/mes-demandes/steps.js';

const essentials = {
  originalLanguage: 'es',
  title: 'Agua potable',
  summary: 'Redes rurales',
  themes: ['water_sanitation'],
};
const description = {
  context: 'Barrios sin red',
  objectives: 'Conectar 2 000 hogares',
  expectedFromFrance: 'Ingeniería',
};
const cooperation = { forms: ['one_percent'], exchangeLanguages: ['es', 'fr'] };
const contacts = { technicalContact: { name: 'Camila Muñoz', email: 'camila@popayan.gov.co' } };

describe('a draft’s progress', () => {
  it('says which steps are complete and resumes at the first incomplete one', () => {
    expect(stepCompletion(essentials)).toEqual([true, false, false, false]);
    expect(resumeStep(essentials)).toBe(2);
    // Later steps done do not hide an earlier gap: the author goes back to it.
    expect(stepCompletion({ ...essentials, ...cooperation, ...contacts })).toEqual([true, false, true, true]);
    expect(resumeStep({ ...essentials, ...cooperation, ...contacts })).toBe(2);
    expect(resumeStep({ ...essentials, ...description })).toBe(3);
    expect(resumeStep({ ...essentials, ...description, ...cooperation })).toBe(4);
  });

  it('goes to the preview once every step is complete', () => {
    const all = { ...essentials, ...description, ...cooperation, ...contacts };
    expect(stepCompletion(all)).toEqual([true, true, true, true]);
    expect(resumeStep(all)).toBe(5);
  });

  it('counts blank texts, empty lists and a contact without address as missing', () => {
    expect(resumeStep({ ...essentials, title: '  ' })).toBe(1);
    expect(resumeStep({ ...essentials, themes: [] })).toBe(1);
    const noAddress = { ...essentials, ...description, ...cooperation, technicalContact: { name: 'Camila' } };
    expect(resumeStep(noAddress)).toBe(4);
  });
});
