import { COMMON_PASSWORDS } from './common-passwords-list.js';

let cached: Set<string> | null = null;

/** The shipped list of common passwords, parsed once. */
function commonPasswords(): Set<string> {
  if (cached) return cached;
  const lines = COMMON_PASSWORDS.split('\n');
  cached = new Set(lines.filter(Boolean).map((line) => line.trim().toLowerCase()));
  return cached;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}
