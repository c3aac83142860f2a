import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../electron/model/articles';
import type { OcrStatus } from '../../../electron/model/ocr';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';

interface Props {
  article: Article;
  /** OCR replaced the content: fetch the article and its passages again. */
  onDone: () => void;
}

const POLL_MS = 400;

/**
 * OCR of a PDF article (offered first on a scan without a text layer): a background job whose
 * progress shows as a bar with the page being read, and which Cancel stops.
 */
export function OcrAction({ article, onDone }: Props) {
  const { show } = useToaster();
  const reportError = useReportError();
  const [status, setStatus] = useState<OcrStatus | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = async (first: OcrStatus) => {
    let s = first;
    while (s.state === 'running' && alive.current) {
      setStatus(s);
      await new Promise((r) => setTimeout(r, POLL_MS));
      s = await invoke('articles.ocrStatus', { jobId: s.jobId });
    }
    if (!alive.current) return;
    setStatus(null);
    if (s.state === 'finished') {
      show('success', `OCR read ${s.total} page${s.total === 1 ? '' : 's'}.`);
      onDone();
    } else if (s.state === 'cancelled') show('notice', 'OCR cancelled; the article is unchanged.');
    else reportError(new Error(s.error ?? 'OCR failed'));
  };

  const start = async () => {
    try {
      await follow(await invoke('articles.ocrStart', { id: article.id }));
    } catch (error) {
      setStatus(null);
      reportError(error);
    }
  };

  const cancel = async () => {
    if (!status) return;
    try {
      await invoke('articles.ocrCancel', { jobId: status.jobId });
    } catch (error) {
      reportError(error);
    }
  };

  if (article.format !== 'pdf') return null;
  if (!status)
    return (
      <button
        type="button"
        onClick={() => void start()}
        title="Read the page images with OCR (offline) and put the text in the article"
      >
        OCR
      </button>
    );
  const label = status.total
    ? `OCR: page ${Math.min(status.page || 1, status.total)} of ${status.total}`
    : 'OCR: starting…';
  return (
    <span className="ocr-progress" role="status">
      <progress max={1} value={status.fraction} aria-label="OCR progress" />
      <span>{label}</span>
      <button type="button" onClick={() => void cancel()}>
        Cancel OCR
      </button>
    </span>
  );
}
