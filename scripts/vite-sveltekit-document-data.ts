import type { Plugin } from 'vite';

/** SvelteKit's page renderer, as the server build bundles it. */
const PAGE_RENDERER = /[/\\]@sveltejs[/\\]kit[/\\]src[/\\]runtime[/\\]server[/\\]page[/\\]index\.js$/;
/** Where render_page hands each node's load data to the serializer of the page's inline hydration script. */
const SERIALIZE = /if \(node\) \{(\s*)data_serializer\.add_node\(i, server_data\);/;

/**
 * SvelteKit serializes every page's load data with devalue for the hydration script, and for a page with
 * `csr = false` (the search and request pages) it then throws the result away: no script is written. Under load
 * that was ~6 % of the search page's CPU (`add_node` → `uneval`, profile in BENCHMARKS.md, issue #18). This
 * transform makes the call depend on `csr` (a constant of the same function, `nodes.csr()`).
 *
 * The `__data.json` endpoint has its own serializer and is untouched. When a SvelteKit upgrade changes the code, the
 * build fails here rather than silently losing the skip: re-read render_page and adapt SERIALIZE.
 */
export function sveltekitDocumentData(): Plugin {
  let applied = false;
  return {
    name: 'bourse-projets:sveltekit-document-data',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      applied = false;
    },
    transform(code, id) {
      if (!PAGE_RENDERER.test(id.split('?')[0]!)) return null;
      if (!SERIALIZE.test(code) || !/\bconst csr = nodes\.csr\(\);/.test(code))
        this.error(`${id}: SvelteKit's page renderer changed; see scripts/vite-sveltekit-document-data.ts`);
      applied = true;
      return {
        code: code.replace(SERIALIZE, 'if (node && csr) {$1data_serializer.add_node(i, server_data);'),
        map: null,
      };
    },
    buildEnd(error) {
      // Only the server build renders pages; the client build never loads this module.
      if (!error && this.environment?.name === 'ssr' && !applied)
        this.error("SvelteKit's page renderer was not transformed; see scripts/vite-sveltekit-document-data.ts");
    },
  };
}
