import type { Label } from '../../reference/index.js';
import manualAudit from './manual-audit.json' with { type: 'json' };
import { AXE_RULES_BY_CRITERION, RGAA_CRITERIA, RGAA_VERSION, type CriterionStatus } from './rgaa.js';

/**
 * The accessibility statement (RGAA 4.1), computed from data the project keeps: the manual checklist
 * (manual-audit.json: date, who, each criterion) and what axe-core found on every page the browser tests visit
 * (automated/<test file>.json, rewritten by those tests). Nothing in the statement is typed by hand on the page.
 */

interface AutomatedReport {
  testFile: string;
  date: string;
  axeVersion: string;
  pages: string[];
  rules: Record<string, { pages: number; passes: number; violations: number }>;
}

interface ManualAudit {
  date: string;
  checkedBy: string;
  method: string;
  environment: string;
  contact: string;
  sample: string[];
  criteria: Record<string, CriterionStatus>;
  nonConformities: Array<{ criterion: string; what: Label; fix: Label; due: string }>;
  plan: Array<{ year: string; what: Label }>;
}

export interface AutomatedCriterion {
  criterion: string;
  rules: string[];
  pages: number;
  passes: number;
  violations: number;
}

export type ConformanceState = 'full' | 'partial' | 'none';

export interface AccessibilityStatement {
  rgaaVersion: string;
  state: ConformanceState;
  /** Conformant criteria over applicable ones, in percent (one decimal). */
  rate: number;
  counts: { conformant: number; nonConformant: number; notApplicable: number; total: number };
  manual: Omit<ManualAudit, 'criteria'>;
  automated: {
    reports: Array<Pick<AutomatedReport, 'testFile' | 'date' | 'axeVersion'> & { pages: number }>;
    pages: string[];
    criteria: AutomatedCriterion[];
  };
  /** Criteria an automated check found in violation (they count as non-conformant whatever the checklist says). */
  failedAutomatically: string[];
}

const reports = Object.values(
  import.meta.glob<AutomatedReport>('./automated/*.json', { eager: true, import: 'default' }),
);

/** RGAA's rule: full conformance at 100 %, partial from 50 %, below (or without an audit) not conformant. */
export function conformanceState(rate: number, hasAudit: boolean): ConformanceState {
  if (!hasAudit) return 'none';
  if (rate >= 100) return 'full';
  return rate >= 50 ? 'partial' : 'none';
}

export function buildStatement(manual: ManualAudit, automatedReports: AutomatedReport[]): AccessibilityStatement {
  const ruleTotals = new Map<string, { pages: number; passes: number; violations: number }>();
  for (const report of automatedReports) {
    for (const [rule, counts] of Object.entries(report.rules)) {
      const total = ruleTotals.get(rule) ?? { pages: 0, passes: 0, violations: 0 };
      total.pages += counts.pages;
      total.passes += counts.passes;
      total.violations += counts.violations;
      ruleTotals.set(rule, total);
    }
  }
  const automatedCriteria: AutomatedCriterion[] = Object.entries(AXE_RULES_BY_CRITERION)
    .map(([criterion, rules]) => {
      const seen = rules.filter((r) => ruleTotals.has(r));
      const sum = (key: 'pages' | 'passes' | 'violations') => seen.reduce((acc, r) => acc + ruleTotals.get(r)![key], 0);
      return {
        criterion,
        rules: seen,
        pages: Math.max(0, ...seen.map((r) => ruleTotals.get(r)!.pages)),
        passes: sum('passes'),
        violations: sum('violations'),
      };
    })
    .filter((c) => c.rules.length > 0);
  const failedAutomatically = automatedCriteria.filter((c) => c.violations > 0).map((c) => c.criterion);

  const status = (criterion: string): CriterionStatus | undefined =>
    failedAutomatically.includes(criterion) ? 'non_conformant' : manual.criteria[criterion];
  const statuses = RGAA_CRITERIA.map(status);
  const conformant = statuses.filter((s) => s === 'conformant').length;
  const nonConformant = statuses.filter((s) => s === 'non_conformant').length;
  const notApplicable = statuses.filter((s) => s === 'not_applicable').length;
  // A criterion the checklist leaves out is not evaluated: the audit is then incomplete, and says so (state 'none').
  const complete = statuses.every((s) => s !== undefined);
  const applicable = conformant + nonConformant;
  const rate = applicable === 0 ? 0 : Math.floor((1000 * conformant) / applicable) / 10;
  const { criteria: _criteria, ...rest } = manual;
  return {
    rgaaVersion: RGAA_VERSION,
    state: conformanceState(rate, complete),
    rate,
    counts: { conformant, nonConformant, notApplicable, total: RGAA_CRITERIA.length },
    manual: rest,
    automated: {
      reports: automatedReports.map((r) => ({
        testFile: r.testFile,
        date: r.date,
        axeVersion: r.axeVersion,
        pages: r.pages.length,
      })),
      pages: [...new Set(automatedReports.flatMap((r) => r.pages))].sort(),
      criteria: automatedCriteria,
    },
    failedAutomatically,
  };
}

let cached: AccessibilityStatement | undefined;
/** The statement of this build (the data files are bundled, so it is computed once per process). */
export function accessibilityStatement(): AccessibilityStatement {
  cached ??= buildStatement(manualAudit as ManualAudit, reports);
  return cached;
}
