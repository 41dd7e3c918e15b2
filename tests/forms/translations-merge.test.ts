import { describe, expect, it } from 'vitest';
import { mergeTranslations, readStep } from '../../src/routes/mes-demandes/steps.js';

describe('translations typed in the request form', () => {
  it('keeps what the API translated, drops a language emptied, never translates into the original language', () => {
    const existing = {
      en: { title: 'Old title', summary: 'Old summary', context: 'Context in English' },
      es: { title: 'Título', summary: 'Resumen' },
      de: { title: 'Titel', summary: 'Zusammenfassung' },
    };
    expect(
      mergeTranslations(
        existing,
        { en: { title: 'Drinking water', summary: 'Water for all' }, fr: { title: 'x', summary: 'y' } },
        'fr',
      ),
    ).toEqual({
      en: { title: 'Drinking water', summary: 'Water for all', context: 'Context in English' },
      de: { title: 'Titel', summary: 'Zusammenfassung' },
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

  it('offers Portuguese, Arabic and Ukrainian too, and reads them when the original is English', () => {
    const form = new FormData();
    form.set('context', 'No water network in three districts');
    form.set('translations.fr.title', 'Eau potable');
    form.set('translations.fr.summary', 'De l’eau pour tous');
    form.set('translations.pt.title', 'Água potável');
    form.set('translations.pt.summary', 'Água para todos');
    form.set('translations.ar.title', 'مياه الشرب');
    form.set('translations.ar.summary', 'الماء للجميع');
    form.set('translations.ar.context', 'لا توجد شبكة مياه في ثلاثة أحياء');
    form.set('translations.uk.title', '');
    form.set('translations.uk.summary', '');
    const step = readStep(2, form, 'en') as { translations: Record<string, Record<string, string | null>> };
    expect(Object.keys(step.translations).sort()).toEqual(['ar', 'fr', 'pt']);
    expect(step.translations.ar).toMatchObject({
      title: 'مياه الشرب',
      summary: 'الماء للجميع',
      context: 'لا توجد شبكة مياه في ثلاثة أحياء',
    });
    expect(step.translations.pt).toMatchObject({ title: 'Água potável', summary: 'Água para todos' });
  });
});
