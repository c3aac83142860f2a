import { useEffect, useRef, type RefObject } from 'react';
import { ACCEPTED_FILE_TYPES } from './acceptedTypes';

interface Props {
  /** The hidden file input; others (Ctrl/Cmd+O, the empty library) click it too. */
  inputRef: RefObject<HTMLInputElement | null>;
  onFiles: (files: File[]) => void;
  /** Files of a folder chosen with the folder picker (its subfolders included). */
  onFolder?: (files: File[]) => void;
}

export function ImportButton({ inputRef, onFiles, onFolder }: Props) {
  const folderInput = useRef<HTMLInputElement>(null);
  // `webkitdirectory` is not in React's attribute types; set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);
  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => inputRef.current?.click()}
        aria-keyshortcuts="Control+O Meta+O"
      >
        Import…
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        accept={ACCEPTED_FILE_TYPES}
        aria-label="Import files"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = ''; // so choosing the same file again still fires
          onFiles(files);
        }}
      />
      {onFolder && (
        <>
          <button type="button" onClick={() => folderInput.current?.click()}>
            Import folder…
          </button>
          <input
            ref={folderInput}
            type="file"
            multiple
            hidden
            aria-label="Import a folder"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = '';
              if (files.length) onFolder(files);
            }}
          />
        </>
      )}
    </>
  );
}
