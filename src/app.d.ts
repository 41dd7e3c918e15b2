// SvelteKit's App namespace. See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      locale: 'fr' | 'en' | 'es';
      actor: import('$lib/server/auth/actor').Actor | null;
    }
  }
}

export {};
