// SvelteKit's App namespace. See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** The status the page error mapping gave (src/lib/server/hooks/page-errors.ts); the response carries it too. */
      status?: number;
    }
    interface Locals {
      locale: import('$lib/reference/i18n-label').Locale;
      actor: import('$lib/server/auth/actor').Actor | null;
    }
  }
}

export {};
