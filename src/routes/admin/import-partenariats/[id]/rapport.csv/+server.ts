import { error } from '@sveltejs/kit';
import { m } from '$lib/i18n';
import { localizeDomainError } from '$lib/i18n/form-error.server';
import { DomainError } from '$lib/server/errors';
import { readImportBatch, reportOf } from '$lib/server/partnerships/import/batches';
import { reportCsv } from '$lib/server/partnerships/import/report';
import { getServices } from '$lib/server/runtime/services';
import { fieldLabel, outcomeLabel, reasonLabel } from '../../labels';
import type { RequestHandler } from './$types';

/** The whole dry-run report of a batch, in the admin's language (the page shows only its first rows). */
export const GET: RequestHandler = async ({ locals, params }) => {
  let batch;
  try {
    batch = await readImportBatch(getServices().db, locals.actor, params.id);
  } catch (failure) {
    if (failure instanceof DomainError) error(failure.status, localizeDomainError(failure));
    throw failure;
  }
  const report = reportOf(batch);
  if (!report) error(404, m.errors_not_found());
  const csv = reportCsv(report, {
    headers: [
      m.import_col_line(),
      m.import_col_outcome(),
      m.import_col_reason(),
      m.import_col_field(),
      m.import_col_french_given(),
      m.import_col_french_matched(),
      m.import_col_similarity(),
      m.import_col_foreign(),
      m.import_col_foreign_known(),
      m.import_col_country(),
      m.import_col_themes(),
      m.import_col_unknown_themes(),
      m.import_col_started(),
      m.import_col_ended(),
    ],
    outcome: (o) => outcomeLabel[o](),
    reason: (r) => reasonLabel[r](),
    field: (f) => fieldLabel[f as keyof typeof fieldLabel]?.() ?? f,
    foreignKnown: (known) => (known ? m.import_foreign_known() : m.import_foreign_new()),
  });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${m.import_report_csv_name()}-${batch.id.slice(0, 8)}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
