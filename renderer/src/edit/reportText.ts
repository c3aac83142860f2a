import type { ReanchorReport } from '../../../electron/api/contract';

/** The toast after saving an edit: what happened to the passages. */
export function reanchorReportText(report: ReanchorReport): string {
  const total = report.unchanged + report.moved + report.changed + report.orphaned;
  if (total === 0) return 'Text saved.';
  const noun = report.unchanged === 1 ? 'passage' : 'passages';
  return `Text saved: ${report.unchanged} ${noun} kept in place, ${report.moved} moved, ${report.changed} changed, ${report.orphaned} couldn't be placed.`;
}
