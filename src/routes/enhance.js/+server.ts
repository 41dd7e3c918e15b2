import type { RequestHandler } from './$types';
import { enhanceScriptSource, enhanceScriptVersion } from '$lib/enhance/script';

/** The pages' small script (see $lib/enhance). At its current address it never changes: cached for a year. */
export const GET: RequestHandler = ({ url }) =>
  new Response(enhanceScriptSource, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control':
        url.searchParams.get('v') === enhanceScriptVersion ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
