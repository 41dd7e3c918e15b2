/**
 * Ids arrive from URLs and forms: anything but a uuid is simply "not found" (or a field error), and never reaches
 * Postgres, where the cast would fail with a 500.
 */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
