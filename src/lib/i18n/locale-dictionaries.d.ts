// The browser build's per-locale message texts (scripts/vite-paraglide-locale-split.ts).
declare module 'virtual:paraglide-locale-dictionaries' {
  /** Loads a locale's texts once before they are needed; undefined when there is nothing to load. */
  export function loadLocaleMessages(locale: string): Promise<void> | undefined;
}
