import { error } from '@sveltejs/kit';
import { exportMyData } from '$lib/server/auth/account';
import { getServices } from '$lib/server/runtime/services';
import type { RequestHandler } from './$types';

/** The same document as GET /api/v1/account/export, for a plain link on the account page. */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.actor) error(401, 'Sign in first.');
  const data = await exportMyData(getServices().db, locals.actor);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="bourse-projets-mes-donnees.json"',
      'cache-control': 'no-store',
    },
  });
};
