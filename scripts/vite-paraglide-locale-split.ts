import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The module the split message modules and src/hooks.client.ts import (types: src/lib/i18n/locale-dictionaries.d.ts). */
export const DICTIONARIES_MODULE = 'virtual:paraglide-locale-dictionaries';
const RESOLVED = `\0${DICTIONARIES_MODULE}`;
const PLACEHOLDER = '__PARAGLIDE_LOCALE_DICTIONARY_FILES__';
const MESSAGE_MODULE = /[/\\]src[/\\]lib[/\\]paraglide[/\\]messages[/\\](?!_index\.js$)[\w-]+\.js$/;

/**
 * In the browser build, each Paraglide message module keeps only its base-locale (French) text; the texts of the other
 * locales go into one dictionary file per locale, which the browser loads before hydration (src/hooks.client.ts) and
 * keeps for every later page.
 *
 * Why: with `outputStructure: 'message-modules'` every message module carries all six locales, so the search page
 * shipped six copies of each of its strings (issue #18: 74.5 KB of JavaScript, budget 60 KB). Grouping the modules
 * into one chunk was tried and weighed 112 KB gzip. A French page now loads no dictionary; a page in another locale
 * loads its locale's dictionary (every message the browser build uses) once.
 *
 * The server build and `vite dev` are left as Paraglide writes them: there the dictionaries module is a no-op.
 * The dictionary holds exactly the message modules the browser build transformed (known at buildEnd), and the loader
 * chunk names the dictionary files by their content hash, so a changed text changes the loader's own hash too.
 */
export function paraglideLocaleSplit(project: string): Plugin {
  const { baseLocale, locales } = JSON.parse(readFileSync(path.join(project, 'settings.json'), 'utf8')) as {
    baseLocale: string;
    locales: string[];
  };
  let split = false;
  /** locale → message name → function source, for every message module of the browser build. */
  const bodies = new Map<string, Map<string, string>>(locales.map((l) => [l, new Map()]));
  const files = new Map<string, string>();
  const others = locales.filter((l) => l !== baseLocale);
  const localeFunction = new RegExp(`^const (${locales.join('|')})_(\\w+) = ([\\s\\S]*?)\\n};$`, 'gm');
  return {
    name: 'paraglide-locale-split',
    enforce: 'post',
    configResolved(config: ResolvedConfig) {
      split = config.command === 'build' && !config.build.ssr;
    },
    resolveId(id) {
      return id === DICTIONARIES_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!split)
        return 'export const dictionaries = {};\nexport function loadLocaleMessages() { return undefined; }\n';
      // Filled after bundling (renderChunk): locale → dictionary file, relative to this chunk.
      return `export const dictionaries = {};
const files = "${PLACEHOLDER}";
const pending = {};
/** Loads a locale's texts once (undefined when there is nothing to load); a failure leaves the French text. */
export function loadLocaleMessages(locale) {
  if (dictionaries[locale] || !files[locale]) return undefined;
  pending[locale] ??= import(/* @vite-ignore */ new URL(files[locale], import.meta.url).href).then(
    (module) => { dictionaries[locale] = module.default; },
    (error) => { delete pending[locale]; console.error(error); },
  );
  return pending[locale];
}
`;
    },
    transform(code, id) {
      if (!split || !MESSAGE_MODULE.test(id)) return undefined;
      // `export const name = …`, or `const name1 = …` with `export { name1 as "name" }` for a key with capitals.
      const main = /^(export )?const (\w+) = \/\*\* @type \{\(\(inputs/m.exec(code);
      const name = main?.[2];
      if (!name) return this.error(`paraglide-locale-split: no message function in ${id}`);
      const found = new Map<string, string>();
      for (const [, locale, fnName, fn] of code.matchAll(localeFunction)) {
        if (fnName !== name) this.error(`paraglide-locale-split: ${locale}_${fnName} in the module of ${name}`);
        found.set(locale!, `${fn}\n}`.replace(/\/\*\* @type \{[^*]*\} \*\/ ?/g, ''));
      }
      if (found.size !== locales.length)
        this.error(`paraglide-locale-split: ${id} has ${found.size} of the ${locales.length} locales`);
      for (const locale of others) bodies.get(locale)!.set(name, found.get(locale)!);
      const aliases = code.match(/^export \{.*\};?$/gm) ?? [];
      return {
        code: `import { getLocale } from '../runtime.js';
import { dictionaries } from '${DICTIONARIES_MODULE}';
const ${baseLocale}_${name} = ${found.get(baseLocale)};
${main![1] ?? ''}const ${name} = (inputs = {}, options = {}) => {
  const locale = options.locale ?? getLocale();
  const text = locale === '${baseLocale}' ? undefined : dictionaries[locale]?.${name};
  return (text ?? ${baseLocale}_${name})(inputs);
};
${aliases.join('\n')}
`,
        map: null,
      };
    },
    buildEnd() {
      if (!split) return;
      for (const locale of others) {
        const entries = [...bodies.get(locale)!].sort(([a], [b]) => a.localeCompare(b));
        const source = `export default {\n${entries.map(([name, fn]) => `${name}: ${fn},`).join('\n')}\n};\n`;
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 10);
        const fileName = `_app/immutable/assets/messages-${locale}.${hash}.js`;
        this.emitFile({ type: 'asset', fileName, source });
        files.set(locale, fileName);
      }
    },
    renderChunk(code, chunk) {
      const at = code.search(new RegExp(`["'\`]${PLACEHOLDER}["'\`]`));
      if (!split || at === -1) return undefined;
      const relative = Object.fromEntries(
        [...files].map(([locale, file]) => [
          locale,
          path.posix.relative(path.posix.dirname(chunk.fileName), file).replace(/^(?!\.)/, './'),
        ]),
      );
      return {
        code: code.slice(0, at) + JSON.stringify(relative) + code.slice(at + PLACEHOLDER.length + 2),
        map: null,
      };
    },
  };
}
