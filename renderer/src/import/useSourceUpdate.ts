import { useCallback } from 'react';
import type { ReanchorReport } from '../../../electron/model/articles';
import { invokeDesktop } from '../api/client';
import { errorText } from '../api/errors';
import { sourceUpdateText } from '../edit/reportText';
import type { Toaster } from '../app/useToasts';

/**
 * Updates an article from the file it was imported from and says how its passages fared.
 * Resolves to the report (null: the file had not changed), or undefined when the update failed
 * (the failure is shown as an error toast).
 */
export function useSourceUpdate(
  toaster: Pick<Toaster, 'show'>,
): (id: string) => Promise<ReanchorReport | null | undefined> {
  const { show } = toaster;
  return useCallback(
    async (id: string) => {
      try {
        const { report } = await invokeDesktop('articles.updateFromSource', { id });
        show('success', sourceUpdateText(report));
        return report;
      } catch (error) {
        show('error', errorText(error));
        return undefined;
      }
    },
    [show],
  );
}
