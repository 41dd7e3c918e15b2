// Which Chromium the browser tests and Lighthouse drive: CHROMIUM_PATH (or CHROME_PATH) when set, Debian's
// /usr/bin/chromium when installed, otherwise the Chromium that @sparticuz/chromium carries inside its npm
// package (unpacked to /tmp on first use; no download at install time). `npm ci && npm test` thus needs nothing
// installed by hand.
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumChoice {
  executablePath: string;
  /** Flags this Chromium needs (the packaged one brings its own), ours included. */
  args: string[];
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

let cached: Promise<ChromiumChoice> | null = null;

/** The Chromium inside the @sparticuz/chromium package (CHROMIUM_PATH=packaged forces it even when Debian's exists). */
export async function packagedChromium(): Promise<ChromiumChoice> {
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its defaults suit serverless sandboxes (single process, no zygote): keep them, add ours, no duplicates.
  const args = [...new Set([...packaged.args.filter((a: string) => !a.startsWith('--headless')), ...CHROMIUM_FLAGS])];
  return { executablePath: await packaged.executablePath(), args, source: '@sparticuz/chromium' };
}

export function resolveChromium(): Promise<ChromiumChoice> {
  cached ??= (async (): Promise<ChromiumChoice> => {
    const configured = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
    if (configured === 'packaged') return packagedChromium();
    if (configured) return { executablePath: configured, args: CHROMIUM_FLAGS, source: 'CHROMIUM_PATH' };
    if (existsSync('/usr/bin/chromium'))
      return { executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, source: 'system' };
    return packagedChromium();
  })();
  return cached;
}
