/**
 * Entry of the parser thread (bundled to out/main/parseWorker.js): parses one file per request
 * with the same `parseDocument` as ever (or checks a style, renders citations in a user's style, or decodes a page's scan for OCR)
 * and answers with the result or the error. It says `ready`
 * once the parsers are loaded (`loadParsers`), so a file's time budget never pays for that start-up.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage, isCommonplaceError } from '../../errors';
import { loadParsers, parseDocument } from '..';
import { readPageScan } from '../ocr/pageImages';
import type { ParseReply, ParseRequest } from './protocol';

if (!parentPort) throw new Error('the parser must run in a worker thread');
const port = parentPort;
const post = (reply: ParseReply) => port.postMessage(reply);

/** The reply to one request; the style checker (citeproc) loads on the first style only. */
async function answer(request: ParseRequest): Promise<ParseReply> {
  if (request.kind === 'checkStyle') {
    const { checkStyleFile } = await import('../../citations/styleFile');
    return {
      type: 'styleChecked',
      id: request.id,
      checked: checkStyleFile(request.fileName, request.xml),
    };
  }
  if (request.kind === 'cite') {
    const { citeDocument } = await import('../../citations/processor');
    return {
      type: 'cited',
      id: request.id,
      cited: citeDocument(request.style, request.items, request.cites),
    };
  }
  if (request.kind === 'scanPage') {
    const { numPages, image } = await readPageScan(request.bytes, request.page);
    return { type: 'scanned', id: request.id, numPages, image };
  }
  const parsed = await parseDocument(request.bytes, request.fileName, request.source);
  return { type: 'parsed', id: request.id, parsed };
}

port.on('message', (request: ParseRequest) => {
  answer(request).then(post, (e: unknown) =>
    post({
      type: 'failed',
      id: request.id,
      code: isCommonplaceError(e) ? e.code : null,
      message: errorMessage(e),
    }),
  );
});
// Parsers load on first use elsewhere (core/import/index.ts); here before the first budget starts.
// A parser that fails to load rejects unhandled, which ends the thread: the pool reports it.
void loadParsers().then(() => post({ type: 'ready' }));
