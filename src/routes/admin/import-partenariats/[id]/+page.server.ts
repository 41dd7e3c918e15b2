import { redirect } from '@sveltejs/kit';
import { formatDate, href } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { isStale, readImportBatch, reportOf, tableOf, mappingOf } from '$lib/server/partnerships/import/batches';
import { startCommit } from '$lib/server/partnerships/import/commit';
import { IMPORT_FIELDS } from '$lib/server/partnerships/import/map';
import { startDryRun } from '$lib/server/partnerships/import/match';
import { rollbackImportBatch } from '$lib/server/partnerships/import/rollback';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

/** Rows shown on the page; the downloadable report has them all. */
const SHOWN = 100;

export const load: PageServerLoad = async ({ locals, params }) => {
  const batch = await readImportBatch(getServices().db, locals.actor, params.id).catch(pageError);
  const report = reportOf(batch);
  return {
    batch: {
      id: batch.id,
      fileName: batch.fileName,
      status: batch.status,
      rows: batch.rows,
      processed: batch.processed,
      created: batch.created,
      error: batch.error,
      stale: isStale(batch),
      createdAt: formatDate(batch.createdAt),
    },
    headers: tableOf(batch).headers,
    mapping: mappingOf(batch),
    fields: IMPORT_FIELDS,
    counts: report?.counts ?? null,
    problems: (report?.rows ?? []).filter((r) => r.outcome !== 'code' && r.outcome !== 'name').slice(0, SHOWN),
  };
};

const back = (id: string, query = '') => redirect(303, `${href(`/admin/import-partenariats/${id}`)}${query}`);

export const actions: Actions = {
  dryRun: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
    try {
      // Runs in the background: the page shows its progress.
      await startDryRun(getServices(), locals.actor, params.id, values);
    } catch (error) {
      return formFailure(error, values);
    }
    back(params.id);
  },
  commit: async ({ locals, params }) => {
    try {
      await startCommit(getServices(), locals.actor, params.id);
    } catch (error) {
      return formFailure(error);
    }
    back(params.id);
  },
  rollback: async ({ locals, params }) => {
    let removed: { partnerships: number; authorities: number };
    try {
      removed = await rollbackImportBatch(getServices(), locals.actor, params.id);
    } catch (error) {
      return formFailure(error);
    }
    back(params.id, `?retires=${removed.partnerships}&collectivites=${removed.authorities}`);
  },
};
