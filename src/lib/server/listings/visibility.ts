import { PUBLIC_STATUSES, SEARCHABLE_STATUSES } from '../db/schema/enums.js';

/** Which lifecycle states the public sees (the groups are defined with the states, in the schema). */
export { PUBLIC_STATUSES, SEARCHABLE_STATUSES };

export const isSearchable = (status: string) => (SEARCHABLE_STATUSES as readonly string[]).includes(status);
export const isPublic = (status: string) => (PUBLIC_STATUSES as readonly string[]).includes(status);
