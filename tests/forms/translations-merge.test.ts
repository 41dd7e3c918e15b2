import { describe, expect, it } from 'vitest';
import { mergeTranslations } from '../../src/routes/mes-demandes/steps.js';

describe('translations typed in the request form', () => {
  it('keeps what the API translated, drops a language emptied, never translates into the original language', () => {
    const existing = {
      en: { title: 'Old title', summary: 'Old summary', context: 'Context in English' },
      es: { title: 'Título', summary: 'Resumen' },
      pt: { title: 'Título pt', summary: 'Resumo' },
    };
    expect(
      mergeTranslations(
        existing,
        { en: { title: 'Drinking water', summary: 'Water for all' }, fr: { title: 'x', summary: 'y' } },
        'fr',
      ),
    ).toEqual({
      en: { title: 'Drinking water', summary: 'Water for all', context: 'Context in English' },
      pt: { title: 'Título pt', summary: 'Resumo' },
    });
  });

  it('takes the description typed in the form too, a field emptied going', () => {
    const existing = { en: { title: 'Water', summary: 'For all', context: 'Old context', objectives: 'Old goals' } };
    const typed = {
      en: {
        title: 'Water',
        summary: 'For all',
        context: 'Three districts without a network',
        difficulties: null,
        objectives: null,
        expectedFromFrance: 'Engineering advice',
      },
    };
    expect(mergeTranslations(existing, typed, 'es')).toEqual({
      en: {
        title: 'Water',
        summary: 'For all',
        context: 'Three districts without a network',
        difficulties: null,
        objectives: null,
        expectedFromFrance: 'Engineering advice',
      },
    });
  });
});
