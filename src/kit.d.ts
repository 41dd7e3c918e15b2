// SvelteKit's App namespace (named kit.d.ts: src/app.ts is the Fastify app). See https://svelte.dev/docs/kit/types#app.d.ts
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
