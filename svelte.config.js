import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
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
