import { inject } from 'vitest';
import { snapshotBuild } from './built-app.js';

/**
 * The built app for a test file: the run's copy made once by the built-app global setup (tests/setup/built-app.ts),
 * or, when the file runs outside that project, a private copy of its own. `remove()` deletes only a private copy.
 */
export async function builtApp(): Promise<{ root: string; remove(): void }> {
  const shared = inject('builtAppRoot');
  if (shared) return { root: shared, remove: () => {} };
  return snapshotBuild();
}
