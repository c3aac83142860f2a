/**
 * Links from imported articles never navigate the app window. Clicking one asks first, in a
 * modal dialog naming the URL; after confirmation `window.open` hands it on (Electron's main
 * process routes it to the OS browser after its own check; in web mode it opens a new tab).
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Modal } from '../ui/Modal';
import { openableUrl } from './externalUrl';

type RequestOpen = (href: string) => void;

const ExternalLinksContext = createContext<RequestOpen>(() => {});

export function useOpenExternal(): RequestOpen {
  return useContext(ExternalLinksContext);
}

export function ExternalLinksProvider({ children }: { children: ReactNode }) {
  const [url, setUrl] = useState<string | null>(null);
  const request = useCallback<RequestOpen>((href) => setUrl(openableUrl(href)), []);
  return (
    <ExternalLinksContext.Provider value={request}>
      {children}
      <OpenLinkDialog url={url} onDone={() => setUrl(null)} />
    </ExternalLinksContext.Provider>
  );
}

function OpenLinkDialog({ url, onDone }: { url: string | null; onDone: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);

  const open = () => {
    if (url !== null) window.open(url, '_blank', 'noopener,noreferrer');
    onDone();
  };

  return (
    <Modal
      open={url !== null}
      onClose={onDone}
      labelledBy="open-link-title"
      describedBy="open-link-url"
      className="confirm-dialog"
      // The safe choice has focus, so a stray Enter doesn't leave the app.
      initialFocus={cancelRef}
    >
      <h2 id="open-link-title">Open this link in your browser?</h2>
      <p id="open-link-url" className="dialog-url">
        {url}
      </p>
      <div className="dialog-actions">
        <button type="button" ref={cancelRef} onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={open}>
          Open link
        </button>
      </div>
    </Modal>
  );
}
