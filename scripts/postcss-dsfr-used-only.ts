import path from 'node:path';
import purgeCSSPlugin from '@fullhuman/postcss-purgecss';
import type { Plugin, PluginCreator } from 'postcss';

const STYLESHEET = /[/\\]src[/\\]lib[/\\]styles[/\\]app\.css$/;

/**
 * Keeps, in the DSFR stylesheet (src/lib/styles/app.css and the DSFR files it imports), only the rules whose
 * classes, elements and attributes appear in our sources.
 *
 * Why: the DSFR component and icon files weigh 763 KB (82 KB gzip; Vite inlines every icon's SVG as a data URI)
 * and this stylesheet blocks the first paint of every page, on slow connections too. The pages use a small part.
 *
 * Rule for page authors: write DSFR class names whole in the sources (`'fr-badge--success'`, never
 * `fr-badge--{variant}`), since the extractor reads words. Only app.css is pruned: Svelte component styles are
 * scoped and already hold only what their component uses.
 */
export const dsfrUsedOnly: PluginCreator<void> = () => {
  const purge = purgeCSSPlugin({
    content: ['src/**/*.svelte', 'src/**/*.ts', 'src/app.html'],
    // DSFR themes and states are driven by attributes set outside our markup (the browser, the OS theme).
    safelist: { greedy: [/data-fr-/] },
  }) as Plugin;
  return {
    postcssPlugin: 'bourse-projets:dsfr-used-only',
    async OnceExit(root, helpers) {
      const file = root.source?.input.file ?? '';
      if (!STYLESHEET.test(file)) return;
      await (purge.OnceExit as NonNullable<Plugin['OnceExit']>)(root, helpers);
      // In `npm run dev`, a class newly written in a page must reach the stylesheet: Vite re-runs this when a
      // source changes.
      helpers.result.messages.push({ type: 'dir-dependency', plugin: 'bourse-projets:dsfr-used-only', dir: path.resolve(path.dirname(file), '../..'), glob: '**/*.{svelte,ts,html}', parent: file });
    },
  };
};
dsfrUsedOnly.postcss = true;
