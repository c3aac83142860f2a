import type { ReanchorReport } from '../../../electron/model/articles';

/** "N passages kept in place, M moved, K changed, L couldn't be placed", or null with no passages. */
function passagesFared(report: ReanchorReport): string | null {
  const total = report.unchanged + report.moved + report.changed + report.orphaned;
  if (total === 0) return null;
  const noun = report.unchanged === 1 ? 'passage' : 'passages';
  return `${report.unchanged} ${noun} kept in place, ${report.moved} moved, ${report.changed} changed, ${report.orphaned} couldn't be placed`;
}

/** The toast after saving an edit: what happened to the passages. */
export function reanchorReportText(report: ReanchorReport): string {
  const fared = passagesFared(report);
  return fared === null ? 'Text saved.' : `Text saved: ${fared}.`;
}

/** The toast after updating an article from its source file (`null`: the file had not changed). */
export function sourceUpdateText(report: ReanchorReport | null): string {
  if (report === null) return 'No changes in the source file.';
  const fared = passagesFared(report);
  return fared === null ? 'Updated from the source file.' : `Updated: ${fared}.`;
}
