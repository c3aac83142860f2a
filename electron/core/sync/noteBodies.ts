/**
 * Note bodies merge so that two devices editing one note offline both keep their text. Each
 * note's document is a Yjs document holding its top-level blocks (paragraphs, headings, lists,
 * quotes… as Lexical JSON, one string each) in a Y.Array, and the root's own attributes in a Y.Map.
 * A local save becomes a Yjs update (the blocks deleted and inserted since the last one); updates
 * are what segments carry. Yjs merges them the same way in any order, any number of times, so every
 * device ends with the same blocks. Two edits of one block on two devices keep both versions of
 * the block, one after the other (nothing is lost; the reader removes the one they don't want).
 *
 * Block-level rather than character-level (@lexical/yjs binds a live editor, which the core
 * doesn't run): a note's edits between two syncs are few blocks, and a merged note stays valid
 * Lexical JSON by construction.
 */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import * as Y from 'yjs';
import { CommonplaceError } from '../errors';
import { sha256Hex } from './files';

interface DocJson {
  root: { children: unknown[]; [k: string]: unknown };
}

/** Yjs wants one client id per writer: this device's (a copied library gets a new device id). */
function clientIdOf(deviceId: string): number {
  return parseInt(sha256Hex(Buffer.from(deviceId, 'utf8')).slice(0, 8), 16) >>> 1;
}

function load(db: Database, noteId: string, deviceId: string): Y.Doc {
  const doc = new Y.Doc();
  const row = cachedStatement<[string], { state: Buffer }>(
    db,
    'SELECT state FROM sync_notes WHERE note_id = ?',
  ).get(noteId);
  if (row) Y.applyUpdate(doc, row.state);
  // Set after loading: Yjs takes its own id coming in from outside as another writer's.
  doc.clientID = clientIdOf(deviceId);
  return doc;
}

function store(db: Database, noteId: string, doc: Y.Doc): void {
  cachedStatement(
    db,
    'INSERT INTO sync_notes (note_id, state) VALUES (?, ?) ON CONFLICT (note_id) DO UPDATE SET state = excluded.state',
  ).run(noteId, Buffer.from(Y.encodeStateAsUpdate(doc)));
}

/** The root's entries in their order, children as a placeholder: the document rebuilds byte for byte. */
function rootAttrs(doc: DocJson): string {
  return JSON.stringify(Object.entries(doc.root).map(([k, v]) => [k, k === 'children' ? null : v]));
}

/**
 * Records a locally saved document; returns the Yjs update that carries the change (base64), or
 * null when the blocks and root are what the merge state already holds.
 */
export function recordLocalBody(
  db: Database,
  noteId: string,
  deviceId: string,
  docJson: string,
): string | null {
  const doc = JSON.parse(docJson) as DocJson;
  const wanted = doc.root.children.map((b) => JSON.stringify(b));
  const y = load(db, noteId, deviceId);
  const before = Y.encodeStateVector(y);
  const blocks = y.getArray<string>('blocks');
  const root = y.getMap<string>('root');
  const have = blocks.toArray();
  // The unchanged head and tail stay; what lies between is replaced.
  let head = 0;
  while (head < have.length && head < wanted.length && have[head] === wanted[head]) head++;
  let tail = 0;
  while (
    tail < have.length - head &&
    tail < wanted.length - head &&
    have[have.length - 1 - tail] === wanted[wanted.length - 1 - tail]
  )
    tail++;
  const attrs = rootAttrs(doc);
  const changed = head + tail < Math.max(have.length, wanted.length) || root.get('attrs') !== attrs;
  if (!changed) return null;
  y.transact(() => {
    if (have.length - head - tail > 0) blocks.delete(head, have.length - head - tail);
    const insert = wanted.slice(head, wanted.length - tail);
    if (insert.length) blocks.insert(head, insert);
    if (root.get('attrs') !== attrs) root.set('attrs', attrs);
  });
  store(db, noteId, y);
  return Buffer.from(Y.encodeStateAsUpdate(y, before)).toString('base64');
}

/** Merges a remote update; returns the merged document as JSON text. */
export function mergeRemoteBody(
  db: Database,
  noteId: string,
  deviceId: string,
  updateBase64: string,
): string {
  const y = load(db, noteId, deviceId);
  try {
    Y.applyUpdate(y, Buffer.from(updateBase64, 'base64'));
  } catch (e) {
    throw new CommonplaceError(
      'invalid_input',
      `note ${noteId}: the body update is not valid Yjs (${String(e)})`,
    );
  }
  const children = y
    .getArray<unknown>('blocks')
    .toArray()
    .map((s) => {
      if (typeof s !== 'string')
        throw new CommonplaceError('invalid_input', `note ${noteId}: a body block is not text`);
      return JSON.parse(s) as unknown;
    });
  const attrsText = y.getMap<unknown>('root').get('attrs');
  const entries =
    typeof attrsText === 'string' ? (JSON.parse(attrsText) as [string, unknown][]) : [];
  if (
    !Array.isArray(entries) ||
    !entries.every((e) => Array.isArray(e) && typeof e[0] === 'string')
  )
    throw new CommonplaceError('invalid_input', `note ${noteId}: the body's root is malformed`);
  const root = entries.length
    ? Object.fromEntries(entries.map(([k, v]) => [k, k === 'children' ? children : v]))
    : { children, type: 'root' };
  store(db, noteId, y);
  return JSON.stringify({ root });
}
