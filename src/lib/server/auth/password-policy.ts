import { InvalidInput } from '../errors.js';
import { isCommonPassword } from './common-passwords.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * NIST SP 800-63B: length and a blocklist, no composition rules (they make passwords worse, not stronger).
 * Length counts characters (code points), so a passphrase in any script is measured fairly.
 */
export function assertAcceptablePassword(password: string, field = 'password', context: string[] = []): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    throw new InvalidInput(field, `The password must have at least ${PASSWORD_MIN} characters.`, {
      reason: 'too_short',
      min: PASSWORD_MIN,
    });
  if (length > PASSWORD_MAX)
    throw new InvalidInput(field, `The password must have at most ${PASSWORD_MAX} characters.`, {
      reason: 'too_long',
      max: PASSWORD_MAX,
    });
  if (isCommonPassword(password))
    throw new InvalidInput(field, 'This password is among the most common ones: choose another.', { reason: 'common' });
  const lowered = password.toLowerCase();
  if (
    context.some((word) => word.length >= 4 && lowered.includes(word.toLowerCase()) && lowered.length - word.length < 6)
  ) {
    throw new InvalidInput(field, 'The password is too close to your email address or name.', { reason: 'personal' });
  }
}
