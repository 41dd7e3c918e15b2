/**
 * RGAA 4.1 (référentiel général d'amélioration de l'accessibilité, DINUM, 2021): 106 criteria in 13 themes. The
 * statement counts them; each is decided by the manual checklist (manual-audit.json) or, where axe-core tests it,
 * by the browser tests' automated checks (automated/*.json). An automated failure always wins.
 */
export const RGAA_VERSION = '4.1';

/** Number of criteria per theme, in order (1 Images … 13 Consultation): 1.1–1.9, 2.1–2.2, … */
const CRITERIA_PER_THEME = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12] as const;

export const RGAA_CRITERIA: readonly string[] = CRITERIA_PER_THEME.flatMap((count, theme) =>
  Array.from({ length: count }, (_, i) => `${theme + 1}.${i + 1}`),
);

/**
 * The axe-core rules that test (part of) an RGAA criterion. A criterion listed here is "checked automatically": a
 * violation of one of its rules on any page the browser tests visit makes it non-conformant.
 */
export const AXE_RULES_BY_CRITERION: Readonly<Record<string, readonly string[]>> = {
  '1.1': ['image-alt', 'svg-img-alt', 'role-img-alt', 'input-image-alt', 'area-alt', 'object-alt'],
  '2.1': ['frame-title'],
  '3.2': ['color-contrast'],
  '5.6': ['th-has-data-cells'],
  '5.7': ['td-headers-attr'],
  '6.2': ['link-name'],
  '7.1': [
    'aria-allowed-attr',
    'aria-required-attr',
    'aria-valid-attr',
    'aria-valid-attr-value',
    'aria-roles',
    'aria-hidden-focus',
    'nested-interactive',
  ],
  '8.2': ['duplicate-id-aria', 'list', 'listitem', 'definition-list', 'dlitem'],
  '8.3': ['html-has-lang'],
  '8.4': ['html-lang-valid'],
  '8.5': ['document-title'],
  '8.8': ['valid-lang'],
  '9.1': ['empty-heading', 'heading-order', 'page-has-heading-one'],
  '9.3': ['list', 'listitem'],
  '10.4': ['meta-viewport'],
  '11.1': ['label', 'select-name'],
  '11.2': ['label-title-only'],
  '11.9': ['button-name'],
  '11.13': ['autocomplete-valid'],
  '12.6': ['landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-unique'],
  '12.7': ['bypass', 'skip-link'],
  '12.8': ['tabindex'],
  '13.1': ['meta-refresh'],
};

export type CriterionStatus = 'conformant' | 'non_conformant' | 'not_applicable';
