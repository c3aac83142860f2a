import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJobStatus, ExportOptions } from '../../../electron/model/export';
import { invoke } from '../api/client';
import { saveFile } from './download';

const POLL_MS = 120;

export type JobState =
  | { status: 'idle' }
  | { status: 'running'; progress: ExportJobStatus }
  | { status: 'saved'; progress: ExportJobStatus; fileName: string };

/** Runs an export in the background with a determinate progress, then saves the file. */
export function useExportJob(onError: (error: unknown) => void) {
  const [state, setState] = useState<JobState>({ status: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async (options: ExportOptions) => {
      try {
        let progress = await invoke('export.start', options);
        setState({ status: 'running', progress });
        while (progress.state === 'running') {
          await new Promise((r) => setTimeout(r, POLL_MS));
          progress = await invoke('export.status', { jobId: progress.jobId });
          if (alive.current) setState({ status: 'running', progress });
        }
        const file = await invoke('export.download', { jobId: progress.jobId });
        saveFile(file.fileName, file.mediaType, file.dataBase64);
        if (alive.current) setState({ status: 'saved', progress, fileName: file.fileName });
        return { progress, fileName: file.fileName };
      } catch (error) {
        if (alive.current) setState({ status: 'idle' });
        onError(error);
        return null;
      }
    },
    [onError],
  );

  return { state, run, reset: useCallback(() => setState({ status: 'idle' }), []) };
}
