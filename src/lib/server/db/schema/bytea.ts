import { customType } from 'drizzle-orm/pg-core';

// drizzle-orm 0.45 has no bytea column type.
export const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});
