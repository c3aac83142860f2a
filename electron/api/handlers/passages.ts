import type { Library } from '../../core/library';
import {
  createPassage,
  createPassageFromQuote,
  deletePassage,
  listPassages,
  reattachPassage,
  restorePassage,
  updatePassage,
} from '../../core/passages/repo';
import type { Handlers } from './types';

export function passageHandlers(library: Library) {
  const { db } = library;
  return {
    'passages.list': (f) => listPassages(db, f),
    'passages.create': (p) => createPassage(db, p),
    'passages.createFromQuote': (p) => createPassageFromQuote(db, p),
    'passages.update': ({ id, ...patch }) => updatePassage(db, id, patch),
    'passages.delete': ({ id }) => deletePassage(db, id),
    'passages.restore': ({ id }) => restorePassage(db, id),
    'passages.reattach': ({ id, start, end }) => reattachPassage(db, id, start, end),
  } satisfies Partial<Handlers>;
}
