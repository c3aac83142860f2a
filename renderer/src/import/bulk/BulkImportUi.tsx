import { ImportProgress } from './ImportProgress';
import { ImportReportDialog } from './ImportReportDialog';
import type { BulkImport } from './useBulkImport';

/** Progress of running imports and the report of the last one that ended. */
export function BulkImportUi({ bulk }: { bulk: BulkImport }) {
  return (
    <>
      <ImportProgress jobs={bulk.running} onCancel={bulk.cancel} />
      <ImportReportDialog report={bulk.report} onClose={bulk.dismissReport} />
    </>
  );
}
