/**
 * Entry of the bulk-import worker thread (bundled to out/main/importWorker.js). Parsing thousands
 * of files must not take CPU from the threads that draw the UI, so the thread lowers its priority
 * first (priority.ts), even before loading the importers: pdf.js, jsdom and mammoth take a second
 * or more of CPU to load. The work itself is in importLoop.ts.
 */
import { lowerThreadPriority } from './priority';

lowerThreadPriority();
// A failure to load rejects here, unhandled: that ends the thread with the error, and the job fails with it.
void import('./importLoop');
