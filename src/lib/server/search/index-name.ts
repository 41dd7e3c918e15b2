/** The name searches read: reindexing builds a sibling and swaps it in under this name. */
export const listingsIndexUid = (prefix: string) => `${prefix}listings`;
