/**
 * A PostgreSQL data exception (SQLSTATE 22xxx: a NUL byte or lone surrogate in text, a number out of range, an
 * invalid uuid…), possibly wrapped by drizzle in `cause`: the request's fault (400), not ours.
 */
export function isDataException(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}
