import { enhancePage } from './page-enhancements';

/**
 * The script the server-rendered pages load (`/enhance.js`): the enhancement function's own text, compiled from
 * TypeScript with the rest of the server, called at once. Its address carries a hash of that text, so a browser
 * keeps it for a year and a new build is fetched afresh.
 */
export const enhanceScriptSource = `(${enhancePage.toString()})();\n`;

/** FNV-1a of the text, in base 36: a cache key, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export const enhanceScriptVersion = fingerprint(enhanceScriptSource);
export const enhanceScriptPath = `/enhance.js?v=${enhanceScriptVersion}`;
