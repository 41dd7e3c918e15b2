import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStatement, conformanceState } from '../src/lib/server/accessibility/statement.js';
import { AXE_RULES_BY_CRITERION, RGAA_CRITERIA } from '../src/lib/server/accessibility/rgaa.js';

// The accessibility statement is computed from the checklist and the automated checks; these are its rules.
const manual = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../src/lib/server/accessibility/manual-audit.json'), 'utf8'),
);
const report = (rules: Record<string, { pages: number; passes: number; violations: number }>) => ({
  testFile: 'tests/browser/x.test.ts',
  date: '2026-12-01',
  axeVersion: '4.14.1',
  pages: ['/'],
  rules,
});
const LOCALES = ['fr', 'en', 'es', 'pt', 'ar', 'uk'];

describe('accessibility statement', () => {
  it('RGAA 4.1 has 106 criteria, and axe rules map only to real ones', () => {
    expect(RGAA_CRITERIA).toHaveLength(106);
    expect(RGAA_CRITERIA.at(-1)).toBe('13.12');
    for (const criterion of Object.keys(AXE_RULES_BY_CRITERION)) expect(RGAA_CRITERIA).toContain(criterion);
  });

  it('the checklist decides every criterion, lists each non-conformity it declares, in every language, with a planned fix', () => {
    expect(Object.keys(manual.criteria).sort()).toEqual([...RGAA_CRITERIA].sort());
    const declared = Object.entries(manual.criteria)
      .filter(([, s]) => s === 'non_conformant')
      .map(([c]) => c)
      .sort();
    expect(manual.nonConformities.map((n: { criterion: string }) => n.criterion).sort()).toEqual(declared);
    for (const nc of manual.nonConformities) {
      for (const locale of LOCALES) expect(nc.what[locale]?.trim(), `${nc.criterion} ${locale}`).toBeTruthy();
      for (const locale of LOCALES) expect(nc.fix[locale]?.trim(), `${nc.criterion} ${locale}`).toBeTruthy();
      expect(nc.due).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(manual.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(manual.checkedBy.trim()).not.toBe('');
  });

  it('rate = conformant / applicable; 100 % is full, from 50 % partial, below or incomplete not conformant', () => {
    const s = buildStatement(manual, [report({ 'color-contrast': { pages: 3, passes: 120, violations: 0 } })]);
    const { conformant, nonConformant, notApplicable } = s.counts;
    expect(conformant + nonConformant + notApplicable).toBe(106);
    expect(s.rate).toBe(Math.floor((1000 * conformant) / (conformant + nonConformant)) / 10);
    expect(s.state).toBe(nonConformant === 0 ? 'full' : 'partial');
    expect(s.automated.criteria).toEqual([
      { criterion: '3.2', rules: ['color-contrast'], pages: 3, passes: 120, violations: 0 },
    ]);
    expect(conformanceState(100, true)).toBe('full');
    expect(conformanceState(50, true)).toBe('partial');
    expect(conformanceState(49.9, true)).toBe('none');
    expect(conformanceState(100, false)).toBe('none');
  });

  it('a violation found by axe makes its criterion non-conformant whatever the checklist says', () => {
    const clean = buildStatement(manual, []);
    const failing = buildStatement(manual, [report({ 'color-contrast': { pages: 2, passes: 10, violations: 1 } })]);
    expect(manual.criteria['3.2']).toBe('conformant');
    expect(failing.failedAutomatically).toEqual(['3.2']);
    expect(failing.counts.nonConformant).toBe(clean.counts.nonConformant + 1);
    expect(failing.rate).toBeLessThan(clean.rate);
  });

  it('a criterion the checklist leaves out makes the audit incomplete: not conformant', () => {
    const { ['12.1']: _left, ...criteria } = manual.criteria;
    expect(buildStatement({ ...manual, criteria }, []).state).toBe('none');
  });
});
