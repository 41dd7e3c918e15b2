import { m } from '$lib/i18n';
import type { ImportField } from '$lib/server/partnerships/import/map';
import type { RowOutcome, RowReason } from '$lib/server/partnerships/import/report';

// The words of the import pages and of the downloadable report, in the reader's language (one place for both).

export const outcomeLabel: Record<RowOutcome, () => string> = {
  code: m.import_outcome_code,
  name: m.import_outcome_name,
  unmatched: m.import_outcome_unmatched,
  invalid: m.import_outcome_invalid,
  duplicate: m.import_outcome_duplicate,
};

export const reasonLabel: Record<RowReason, () => string> = {
  control_characters: m.import_reason_control_characters,
  cell_too_long: m.import_reason_cell_too_long,
  formula: m.import_reason_formula,
  french_missing: m.import_reason_french_missing,
  foreign_missing: m.import_reason_foreign_missing,
  foreign_name_length: m.import_reason_foreign_name_length,
  country_unknown: m.import_reason_country_unknown,
  country_france: m.import_reason_country_france,
  year_invalid: m.import_reason_year_invalid,
  years_order: m.import_reason_years_order,
  unknown_code: m.import_reason_unknown_code,
  no_similar_name: m.import_reason_no_similar_name,
  ambiguous: m.import_reason_ambiguous,
  in_file: m.import_reason_in_file,
  existing: m.import_reason_existing,
};

export const fieldLabel: Record<ImportField, () => string> = {
  frenchCode: m.import_field_frenchCode,
  frenchName: m.import_field_frenchName,
  foreignName: m.import_field_foreignName,
  country: m.import_field_country,
  themes: m.import_field_themes,
  startYear: m.import_field_startYear,
  endYear: m.import_field_endYear,
};

export const statusLabel: Record<string, () => string> = {
  uploaded: m.import_status_uploaded,
  matching: m.import_status_matching,
  ready: m.import_status_ready,
  committing: m.import_status_committing,
  committed: m.import_status_committed,
  rolled_back: m.import_status_rolled_back,
  failed: m.import_status_failed,
};
