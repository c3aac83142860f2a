import type { Library } from '../../core/library';
import {
  createTag,
  deleteTag,
  listTags,
  mergeTags,
  recolorTag,
  renameTag,
} from '../../core/tags/repo';
import type { Handlers } from './types';

export function tagHandlers(library: Library) {
  const { db } = library;
  return {
    'tags.list': () => listTags(db),
    'tags.create': ({ name, color }) => createTag(db, name, color),
    'tags.rename': ({ from, to }) => renameTag(db, from, to),
    'tags.recolor': ({ name, color }) => recolorTag(db, name, color),
    'tags.merge': ({ from, into }) => mergeTags(db, from, into),
    'tags.delete': ({ name }) => deleteTag(db, name),
  } satisfies Partial<Handlers>;
}
