import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';

/**
 * One version name for the whole build. SvelteKit's default is Date.now() when its config module loads; the build
 * loaded it twice (server and client environments) a moment apart, so the server wrote pages calling
 * `__sveltekit_<hash A>` while the client bundle read `__sveltekit_<hash B>`: no page hydrated ("Cannot read
 * properties of undefined (reading 'data')"). A name that does not depend on the moment cannot differ.
 */
function versionName() {
  if (process.env.BUILD_VERSION) return process.env.BUILD_VERSION;
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
  }
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    version: { name: versionName() },
    // A page's own small stylesheet goes inline instead of costing one more blocking request on a slow line; the
    // shared DSFR stylesheet (one file, cached for a year) stays a link.
    inlineStyleThreshold: 4096,
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'frame-ancestors': ['none'],
        'form-action': ['self'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
    // SvelteKit checks Origin on form posts; our JSON API does its own check (see src/api/plugins/csrf.ts).
    csrf: { trustedOrigins: [] },
  },
};

export default config;
