/**
 * Links from imported articles never navigate the app window. Clicking one asks first, in a
 * modal dialog naming the URL; after confirmation `window.open` hands it on (Electron's main
 * process routes it to the OS browser after its own check; in web mode it opens a new tab).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (url !== null && !dialog.open) {
      dialog.showModal();
      // The safe choice has focus, so a stray Enter doesn't leave the app.
      cancelRef.current?.focus();
    } else if (url === null && dialog.open) {
      dialog.close();
    }
  }, [url]);

  const open = () => {
    if (url !== null) window.open(url, '_blank', 'noopener,noreferrer');
    onDone();
  };

  return (
    <dialog
      ref={dialogRef}
      className="modal confirm-dialog"
      aria-labelledby="open-link-title"
      aria-describedby="open-link-url"
      onClose={onDone}
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
    </dialog>
  );
}
