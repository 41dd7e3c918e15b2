import type { TestProject } from 'vitest/node';
import { ensureBuild, snapshotBuild } from '../helpers/built-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    builtAppRoot: string;
  }
}

// The fault tests run the BUILT app: build when missing or stale (in CI `npm test` has just built: a no-op), then
// run a private copy, so that another build in the same checkout cannot pull it from under a test.
export default async function setup(project: TestProject) {
  if (!process.env.FAULTS_SKIP_BUILD) ensureBuild();
  const snapshot = await snapshotBuild();
  project.provide('builtAppRoot', snapshot.root);
  return () => snapshot.remove();
}
