import { describe, expect, it } from 'vitest';
import { arabicWords, foldArabic } from '../../src/lib/server/search/arabic.js';

describe('Arabic folding (index, queries and synonyms meet on the same letters)', () => {
  it('folds the letters Meilisearch normalises differently by guessed language, and drops the article', () => {
    expect(foldArabic('المياه')).toBe(foldArabic('مياه'));
    expect(foldArabic('الماء')).toBe(foldArabic('ماء'));
    expect(foldArabic('والمياه')).toBe(foldArabic('مياه'));
    expect(foldArabic('الصرف الصحي')).toBe(foldArabic('صرف صحي'));
    // Arabic and Persian yeh and kaf, alef forms, ta marbuta, diacritics.
    expect(foldArabic('مياه')).toBe(foldArabic('میاه'));
    expect(foldArabic('مكتبة')).toBe(foldArabic('مکتبه'));
    expect(foldArabic('أحياء')).toBe(foldArabic('احياء'));
    expect(foldArabic('مَدْرَسَة')).toBe(foldArabic('مدرسة'));
  });

  it('leaves other scripts alone, and keeps short words that only look like an article', () => {
    expect(foldArabic('eau potable')).toBe('eau potable');
    expect(foldArabic('Розподільча мережа')).toBe('Розподільча мережа');
    expect(foldArabic('الي')).not.toBe('ی');
  });

  it('collects the Arabic words of a request in order, without the Latin ones', () => {
    expect(arabicWords(['Accès à l’eau', 'مياه الشرب في الأحياء', null, 'Água'])).toBe(
      foldArabic('مياه الشرب في الأحياء'),
    );
    expect(arabicWords(['Accès à l’eau'])).toBe('');
  });
});
