import type { Plugin } from 'vite';

/** SvelteKit's page renderer, as the server build bundles it. */
const PAGE_RENDERER = /[/\\]@sveltejs[/\\]kit[/\\]src[/\\]runtime[/\\]server[/\\]page[/\\]index\.js$/;
/** Where render_page hands each node's load data to the serializer of the page's inline hydration script. */
const SERIALIZE = /if \(node\) \{(\s*)data_serializer\.add_node\(i, server_data\);/;
/** Where a failed load falls back to the nearest error page, drawn with the layouts above it. */
const ERROR_PAGE = /data_serializer\.set_max_nodes\(j \+ 1\);/;

/**
 * SvelteKit serializes every page's load data with devalue for the hydration script, and for a page with
 * `csr = false` (the search and request pages) it then throws the result away: no script is written. Under load
 * that was ~6 % of the search page's CPU (`add_node` → `uneval`, profile in BENCHMARKS.md, issue #18). This
 * transform makes the call depend on `csr` (a constant of the same function, `nodes.csr()`).
 *
 * One case still needs the layouts' data: when the page's load fails, SvelteKit draws the error page with the
 * layouts above it, and that page is hydrated (the layouts keep `csr`). The serializer then gets those layouts'
 * data at that point, as it would have had them before — without it, a signed-in reader's error page hydrated with
 * no layout data (the header lost its viewer).
 *
 * The `__data.json` endpoint has its own serializer and is untouched. When a SvelteKit upgrade changes the code, the
 * build fails here rather than silently losing the skip or the error case: re-read render_page and adapt both.
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
      if (!SERIALIZE.test(code) || !ERROR_PAGE.test(code) || !/\bconst csr = nodes\.csr\(\);/.test(code))
        this.error(`${id}: SvelteKit's page renderer changed; see scripts/vite-sveltekit-document-data.ts`);
      applied = true;
      const transformed = code
        .replace(SERIALIZE, 'if (node && csr) {$1data_serializer.add_node(i, server_data);')
        .replace(
          ERROR_PAGE,
          'if (!csr) for (let k = 0; k <= j; k += 1) if (branch[k]) data_serializer.add_node(k, branch[k].server_data);\n' +
            'data_serializer.set_max_nodes(j + 1);',
        );
      return { code: transformed, map: null };
    },
    buildEnd(error) {
      // Only the server build renders pages; the client build never loads this module.
      if (!error && this.environment?.name === 'ssr' && !applied)
        this.error("SvelteKit's page renderer was not transformed; see scripts/vite-sveltekit-document-data.ts");
    },
  };
}
