import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginCreator } from 'postcss';
import { STYLESHEET } from './postcss-dsfr-used-only.js';

const FILES = fileURLToPath(new URL('../node_modules/.cache/dsfr-svg', import.meta.url));
/** `url("data:image/svg+xml…")`, `url('…')` (the other quote and escaped quotes allowed inside) or unquoted. */
const DATA_URI = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(data:image\/svg\+xml[^)\s]*))\s*\)/g;

/** The SVG text of a data URI, or null when it cannot be read (left inline, with a warning). */
function svgOf(uri: string): string | null {
  const comma = uri.indexOf(',');
  if (comma < 0) return null;
  const body = uri.slice(comma + 1);
  try {
    return uri.slice(0, comma).endsWith(';base64')
      ? Buffer.from(body, 'base64').toString('utf8')
      : decodeURIComponent(body);
  } catch {
    return null; // a literal '%' that is not an escape
  }
}

/** Named by its content: an existing file is already right; a new one appears whole (builds may run side by side). */
function fileFor(svg: string): string {
  const file = path.join(FILES, `${createHash('sha256').update(svg).digest('hex').slice(0, 12)}.svg`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, svg);
    renameSync(partial, file);
  }
  return file;
}

/**
 * Turns the SVG images the DSFR writes into its stylesheet as data URIs (the logo, the form controls) into files,
 * which Vite then emits as hashed assets (its url rewriting runs after this, on the relative paths written here).
 *
 * Why: Chrome builds a separate SVG document for each image in a style sheet. From a data URI it does so in the first
 * style pass, which blocks the first paint; from a file, when the file arrives, in a task of its own. The
 * render-blocking stylesheet also lost a quarter of its weight (issue #18, BENCHMARKS.md).
 */
export const svgDataUrisToFiles: PluginCreator<void> = () => ({
  postcssPlugin: 'bourse-projets:svg-data-uris-to-files',
  Once(root, { result }) {
    if (!STYLESHEET.test(root.source?.input.file ?? '')) return;
    mkdirSync(FILES, { recursive: true });
    root.walkDecls((decl) => {
      if (!decl.value.includes('data:image/svg+xml')) return;
      const source = decl.source?.input.file ?? root.source!.input.file!;
      decl.value = decl.value.replace(DATA_URI, (whole, double?: string, single?: string, bare?: string) => {
        const uri = (double ?? single ?? bare ?? '').replace(/\\(.)/g, '$1');
        if (!uri.startsWith('data:image/svg+xml')) return whole;
        const svg = svgOf(uri);
        if (svg === null) {
          decl.warn(result, `an SVG data URI in ${source} could not be decoded: left inline`);
          return whole;
        }
        return `url("${path.relative(path.dirname(source), fileFor(svg)).split(path.sep).join('/')}")`;
      });
    });
  },
});
svgDataUrisToFiles.postcss = true;
