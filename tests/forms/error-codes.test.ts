import { describe, expect, it } from 'vitest';
import { localizeDomainError } from '../../src/lib/i18n/form-error.server.js';
import { DomainError, Forbidden, InvalidInput } from '../../src/lib/server/errors.js';
import { validateListingContent } from '../../src/lib/server/listings/validation.js';

/** The refusal the domain throws for this input, or a failure when it accepts it. */
function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('domain errors carry a code and its parameters; pages translate those, not the English text', () => {
  it('a title too short is invalid_input{field: title, reason: min_length, min: 5}', () => {
    const error = refusal(() => validateListingContent({ title: 'abc' }, 'update'));
    expect(error.code).toBe('invalid_input');
    expect(error.details).toMatchObject({ field: 'title', reason: 'min_length', min: 5 });
    expect(localizeDomainError(error)).toBe('Au moins 5 caractères.');
  });

  it('several refused fields each keep their reason', () => {
    const error = refusal(() =>
      validateListingContent({ title: 'abc', themes: ['not-a-theme'], durationMonths: -1 }, 'update'),
    );
    const errors = error.details.errors as Array<{ field: string; reason?: string }>;
    expect(errors.find((e) => e.field === 'title')).toMatchObject({ reason: 'min_length', min: 5 });
    expect(errors.find((e) => e.field === 'durationMonths')).toMatchObject({ reason: 'whole_number' });
  });

  it('rewording the English message changes nothing on the page', () => {
    const a = new InvalidInput('summary', 'summary must have at most 300 characters.', {
      reason: 'max_length',
      max: 300,
    });
    const b = new InvalidInput('summary', 'Too long (the limit is 300).', { reason: 'max_length', max: 300 });
    expect(localizeDomainError(a)).toBe('Au plus 300 caractères.');
    expect(localizeDomainError(b)).toBe(localizeDomainError(a));
    // Words that once steered the translation no longer do: only the reason counts.
    expect(localizeDomainError(new InvalidInput('name', 'name is required.'))).toBe("Cette valeur n'est pas valide.");
    expect(localizeDomainError(new InvalidInput('name', 'Anything.', { reason: 'required' }))).toBe(
      'Ce champ est obligatoire.',
    );
  });

  it('a refusal that an address confirmation would lift says so, whatever its wording', () => {
    const unverified = localizeDomainError(new Forbidden('Nope.', { reason: 'unverified_email' }));
    expect(unverified).not.toBe(localizeDomainError(new Forbidden('Confirm your email address first.')));
  });
});
