/**
 * The routes rendered on the server only (`csr = false` in their +page.ts). SvelteKit's client router would still
 * render them in the browser when a hydrated page links to them — without their script ($lib/enhance), which a
 * client-side render does not run. The root layout sends those navigations to the server instead.
 */
export const SERVER_RENDERED_ROUTES: ReadonlySet<string> = new Set(['/', '/recherche', '/demandes/[id]']);
