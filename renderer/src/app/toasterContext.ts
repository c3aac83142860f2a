import { createContext, useCallback, useContext } from 'react';
import { errorText } from '../api/errors';
import type { Toaster } from './useToasts';

/** The app's one toast stack, for components far from App (reader, passages, tags). */
export const ToasterContext = createContext<Toaster | null>(null);

export function useToaster(): Toaster {
  const toaster = useContext(ToasterContext);
  if (!toaster) throw new Error('useToaster outside ToasterContext');
  return toaster;
}

/** Shows a failed call's message (the API's errors are written for people) as an error toast. */
export function useReportError(): (error: unknown) => void {
  const { show } = useToaster();
  return useCallback((error: unknown) => void show('error', errorText(error)), [show]);
}
