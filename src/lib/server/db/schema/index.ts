// The database schema, one file per concern. drizzle-kit reads this folder (drizzle.config.ts).
export * from './enums.js';
export * from './authorities.js';
export * from './accounts.js';
export * from './listings.js';
export * from './search.js';
export * from './flags.js';
export * from './partnerships.js';
export * from './reference-data.js';
export * from './cofinancing.js';
export * from './trust.js';
export * from './notifications.js';
export * from './rate-limits.js';
export * from './countries.js';
