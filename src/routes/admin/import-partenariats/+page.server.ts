import { fail, redirect } from '@sveltejs/kit';
import { formatDate, href, m } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { createImportBatch, listImportBatches } from '$lib/server/partnerships/import/batches';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  batches: (await listImportBatches(getServices().db, locals.actor)).map((b) => ({
    ...b,
    createdAt: formatDate(b.createdAt),
  })),
});

export const actions: Actions = {
  upload: async ({ request, locals }) => {
    const file = (await request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0)
      return fail(400, { message: m.errors_required(), field: 'file', fieldErrors: { file: m.errors_required() } });
    let id: string;
    try {
      const batch = await createImportBatch(getServices().db, locals.actor, {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      id = batch.id;
    } catch (error) {
      return formFailure(error);
    }
    redirect(303, href(`/admin/import-partenariats/${id}`));
  },
};
