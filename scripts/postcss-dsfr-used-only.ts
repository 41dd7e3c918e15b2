import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import purgeCSSPlugin from '@fullhuman/postcss-purgecss';
import type { Plugin, PluginCreator, Root } from 'postcss';

/** The app's stylesheet, which imports the DSFR's files: the one our PostCSS steps work on. */
export const STYLESHEET = /[/\\]src[/\\]lib[/\\]styles[/\\]app\.css$/;

/**
 * Keeps, in the DSFR stylesheet (src/lib/styles/app.css and the DSFR files it imports), only the rules whose
 * classes, elements and attributes appear in our sources.
 *
 * Why: the DSFR component and icon files weigh 763 KB (82 KB gzip with every icon's SVG inlined as a data URI; the
 * images are files now: postcss-svg-files.ts) and this stylesheet blocks the first paint of every page, on slow
 * connections too. The pages use a small part.
 *
 * Rule for page authors: write DSFR class names whole in the sources (`'fr-badge--success'`, never
 * `fr-badge--{variant}`), since the extractor reads words. Only app.css is pruned: Svelte component styles are
 * scoped and already hold only what their component uses.
 */
/** The DSFR custom properties our own styles use (`var(--border-default-grey)` in a component or app.css). */
function variablesUsedIn(dir: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(svelte|ts|css|html)$/.test(entry.name)) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const [, name] of text.matchAll(/var\(\s*(--[\w-]+)/g)) names.add(name!);
  }
  return [...names];
}

export const dsfrUsedOnly: PluginCreator<void> = () => {
  return {
    postcssPlugin: 'bourse-projets:dsfr-used-only',
    async OnceExit(root, helpers) {
      const file = root.source?.input.file ?? '';
      if (!STYLESHEET.test(file)) return;
      const purge = purgeCSSPlugin({
        content: ['src/**/*.svelte', 'src/**/*.ts', 'src/app.html'],
        // DSFR themes and states are driven by attributes set outside our markup (the browser, the OS theme).
        // Unused design tokens go too (1,585 custom properties, 55 KB): those the kept rules use stay, and so do
        // those our own styles use, with every token they are defined from.
        variables: true,
        safelist: { greedy: [/data-fr-/], variables: withDefinitions(root, variablesUsedIn('src')) },
      }) as Plugin;
      await (purge.OnceExit as NonNullable<Plugin['OnceExit']>)(root, helpers);
      // In `npm run dev`, a class newly written in a page must reach the stylesheet: Vite re-runs this when a
      // source changes.
      helpers.result.messages.push({
        type: 'dir-dependency',
        plugin: 'bourse-projets:dsfr-used-only',
        dir: path.resolve(path.dirname(file), '../..'),
        glob: '**/*.{svelte,ts,html}',
        parent: file,
      });
    },
  };
};
dsfrUsedOnly.postcss = true;

/** The variables plus every custom property their definitions refer to, transitively (`--a: var(--b)`). */
function withDefinitions(root: Root, names: string[]): string[] {
  const references = new Map<string, Set<string>>();
  root.walkDecls(/^--/, (decl) => {
    const refs = references.get(decl.prop) ?? new Set<string>();
    for (const [, name] of decl.value.matchAll(/var\(\s*(--[\w-]+)/g)) refs.add(name!);
    references.set(decl.prop, refs);
  });
  const kept = new Set<string>();
  const pending = [...names];
  while (pending.length) {
    const name = pending.pop()!;
    if (kept.has(name)) continue;
    kept.add(name);
    pending.push(...(references.get(name) ?? []));
  }
  return [...kept];
}
