import { DialogLauncher } from '../app/DialogLauncher';
import { ExportDialog } from './ExportDialog';

/** The header's Export… button and its shortcut (Ctrl/Cmd+Shift+E), with the dialog they open. */
export function ExportLauncher({ articleId }: { articleId: string | null }) {
  return (
    <DialogLauncher
      label="Export…"
      className="export-button"
      shortcut="export"
      openEvent="open-export"
      dialog={(close) => <ExportDialog open onClose={close} articleId={articleId} />}
    />
  );
}
