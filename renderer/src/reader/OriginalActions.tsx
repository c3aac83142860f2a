import { useState } from 'react';
import type { Article } from '../../../electron/model/articles';
import { invoke, isElectron } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { reanchorReportText } from '../edit/reportText';

interface Props {
  article: Article;
  /** The content was replaced: the article as re-parsed (its passages follow with the change event). */
  onReparsed: (article: Article) => void;
}

/** Saves bytes the server sent as a file download (web mode has no system viewer). */
function download(fileName: string, mediaType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The original file kept with the article: open it in the system viewer (desktop app) or
 * download it (web mode), and re-parse the article from it with today's importer.
 */
export function OriginalActions({ article, onReparsed }: Props) {
  const { show } = useToaster();
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);

  const open = async () => {
    try {
      if (isElectron()) await invoke('articles.openOriginal', { id: article.id });
      else {
        const o = await invoke('articles.original', { id: article.id });
        download(o.fileName, o.mediaType, o.dataBase64);
      }
    } catch (error) {
      reportError(error);
    }
  };

  const reparse = async () => {
    setBusy(true);
    try {
      const reparsed = await invoke('articles.reparse', { id: article.id });
      show('success', `Re-parsed from the original. ${reanchorReportText(reparsed.report)}`);
      onReparsed(reparsed.article);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void open()} title={article.original.fileName}>
        {isElectron() ? 'Open original' : 'Download original'}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => void reparse()}
        title="Import the kept original again with the current importer"
      >
        {busy ? 'Re-parsing…' : 'Re-parse'}
      </button>
    </>
  );
}
