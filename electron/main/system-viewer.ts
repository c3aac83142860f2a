/**
 * "Open original": the core writes the stored original to a private temp copy named by its real
 * media type; Electron's shell opens it with the OS's default program. Thin on purpose.
 */
import { shell } from 'electron';
import type { SystemViewer } from '../api/handlers';
import { CommonplaceError } from '../core/errors';

/** The desktop app's system viewer (the handlers' `Services.systemViewer`). */
export const openInSystemViewer: SystemViewer = async (path) => {
  const failure = await shell.openPath(path);
  if (failure)
    throw new CommonplaceError(
      'io_error',
      `could not open the original in the system viewer (${failure})`,
    );
};
