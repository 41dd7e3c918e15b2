import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../app-root.js';

let cached: Set<string> | null = null;

/**
 * The shipped list of common passwords, read once. It sits next to this module in the sources; bundles
 * (dist/, build/) find it through the application root.
 */
function commonPasswords(): Set<string> {
  if (cached) return cached;
  const file = path.join(appRoot(), 'src/lib/server/auth/common-passwords.txt');
  const lines = readFileSync(file, 'utf8').split('\n');
  cached = new Set(lines.filter((line) => line && !line.startsWith('#')).map((line) => line.trim().toLowerCase()));
  return cached;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}
