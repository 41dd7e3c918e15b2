import { describe, expect, it } from 'vitest';
import { formatHours } from '../src/lib/i18n/index.js';

describe('durations in hours and minutes', () => {
  it('says four minutes rather than "0 h", and hours with their minutes', () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatHours(4 / 60, 'fr'))).toBe('4 min');
    expect(plain(formatHours(2.5, 'fr'))).toBe('2 h 30 min');
    expect(plain(formatHours(3, 'en'))).toBe('3 h');
    expect(plain(formatHours(49.6, 'es'))).toBe('50 h');
  });
});
