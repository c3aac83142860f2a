import type { RefObject } from 'react';
import { ACCEPTED_FILE_TYPES } from './acceptedTypes';

interface Props {
  /** The hidden file input; others (Ctrl/Cmd+O, the empty library) click it too. */
  inputRef: RefObject<HTMLInputElement | null>;
  onFiles: (files: File[]) => void;
}

export function ImportButton({ inputRef, onFiles }: Props) {
  return (
    <>
      <button type="button" className="primary" onClick={() => inputRef.current?.click()} aria-keyshortcuts="Control+O Meta+O">
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
    </>
  );
}
