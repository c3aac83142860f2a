import type { Library } from '../../core/library';
import { resolveRef } from '../../core/links/ends';
import { createLink, deleteLink, listLinks } from '../../core/links/repo';
import { suggest } from '../../core/links/suggest';
import { lookupPassages, noteMarkdown } from '../../core/notes/quotedPassages';
import {
  createNote,
  deleteNote,
  getNote,
  listNotes,
  restoreNote,
  setNoteTags,
  updateNote,
} from '../../core/notes/repo';
import type { Handlers } from './types';

export function notesHandlers(library: Library) {
  const { db } = library;
  return {
    'notes.list': (o) => listNotes(db, o),
    'notes.get': ({ id }) => getNote(db, id),
    'notes.create': (n) => createNote(db, n),
    'notes.update': ({ id, ...patch }) => updateNote(db, id, patch),
    'notes.setTags': ({ id, tags }) => setNoteTags(db, id, tags),
    'notes.delete': ({ id }) => deleteNote(db, id),
    'notes.restore': ({ id }) => restoreNote(db, id),
    'notes.markdown': ({ id }) => noteMarkdown(db, id),
    'passages.lookup': ({ ids }) => lookupPassages(db, ids),
    'links.create': ({ from, to, relation }) => createLink(db, from, to, relation),
    'links.delete': ({ id }) => deleteLink(db, id),
    'links.list': (ref) => listLinks(db, ref),
    'links.resolve': ({ id }) => resolveRef(db, id),
    'links.suggest': (o) => suggest(db, o),
  } satisfies Partial<Handlers>;
}
