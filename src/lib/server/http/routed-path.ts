/**
 * The path a request is routed on, for every guard that decides by path (cross-site check, rate limits, security
 * headers, "is this the API?"). The router decodes `%61pi` into `api`, so a guard reading the raw URL would let
 * `/%61pi/v1/auth/logout-all` through while the router still runs the logout route.
 */

/**
 * The raw URL's path as the routers see it: query dropped, percent-decoded (a malformed escape keeps the raw text,
 * which no router matches either), runs of slashes collapsed and lower-cased. It over-approximates: a guard that
 * protects `/api/v1/auth/` also covers `//API/v1/%61uth/`, whether or not any router would serve it.
 */
export function normalisedPath(rawUrl: string): string {
  let path = rawUrl.split(/[?#]/, 1)[0] ?? '';
  // Twice: `%2561` is `%61` after one decoding, and a second decoder further down must find nothing new.
  for (let i = 0; i < 2; i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
}

/**
 * The route a Fastify request matched (`/api/v1/users/:id/approve`), or, for a request no route matched, its
 * normalised path.
 */
export function routedPath(request: { routeOptions?: { url?: string }; url: string; is404?: boolean }): string {
  const route = request.is404 ? undefined : request.routeOptions?.url;
  return route ?? normalisedPath(request.url);
}

/** True for the JSON API's paths (`/api` and below). */
export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');
