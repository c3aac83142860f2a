/**
 * Entry of the parser thread (bundled to out/main/parseWorker.js): parses one file per request
 * with the same `parseDocument` as ever and answers with the result or the error. It says `ready`
 * once the parsers are loaded (`loadParsers`), so a file's time budget never pays for that start-up.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage, isCommonplaceError } from '../../errors';
import { loadParsers, parseDocument } from '..';
import type { ParseReply, ParseRequest } from './protocol';

if (!parentPort) throw new Error('the parser must run in a worker thread');
const port = parentPort;
const post = (reply: ParseReply) => port.postMessage(reply);

port.on('message', (request: ParseRequest) => {
  parseDocument(request.bytes, request.fileName, request.source).then(
    (parsed) => post({ type: 'parsed', id: request.id, parsed }),
    (e: unknown) =>
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
