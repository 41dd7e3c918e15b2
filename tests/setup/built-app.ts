import type { TestProject } from 'vitest/node';
import { ensureBuild, snapshotBuild } from '../helpers/built-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's private copy of the built app (tests/helpers/built-app.ts: builtApp()). */
    builtAppRoot: string;
  }
}

// The tests that run the BUILT app (the built-app project of vite.config.ts, and `npm run test:faults`): build once
// when the build is missing or older than the sources (the same check as `npm start`), then copy it once, so that
// another build in the same checkout cannot pull it from under a test. BUILD_SKIP=1 (or FAULTS_SKIP_BUILD=1):
// run what is there.
export default async function setup(project: TestProject) {
  if (!process.env.BUILD_SKIP && !process.env.FAULTS_SKIP_BUILD) ensureBuild();
  const snapshot = await snapshotBuild();
  project.provide('builtAppRoot', snapshot.root);
  return () => snapshot.remove();
}
