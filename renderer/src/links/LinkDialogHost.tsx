/**
 * One link dialog for the whole window: the passage editor, the links panels and drops all ask
 * for it through `useOpenLinkDialog()`, and it stacks above whatever dialog asked.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { LinkDialog, type EndInput } from './LinkDialog';

export interface LinkRequest {
  from: EndInput;
  to?: EndInput;
}

type OpenLinkDialog = (request: LinkRequest) => void;

const LinkDialogContext = createContext<OpenLinkDialog | null>(null);

/** Opens the link dialog; null outside a `LinkDialogProvider` (then offer no "Link…"). */
export function useOpenLinkDialog(): OpenLinkDialog | null {
  return useContext(LinkDialogContext);
}

export function LinkDialogProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<(LinkRequest & { key: number }) | null>(null);
  const open = useCallback(
    (next: LinkRequest) => setRequest((last) => ({ ...next, key: (last?.key ?? 0) + 1 })),
    [],
  );
  return (
    <LinkDialogContext.Provider value={open}>
      {children}
      {request && (
        <LinkDialog
          key={request.key}
          from={request.from}
          to={request.to}
          onClose={() => setRequest(null)}
        />
      )}
    </LinkDialogContext.Provider>
  );
}
