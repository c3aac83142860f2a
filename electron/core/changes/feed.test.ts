import { describe, expect, it } from 'vitest';
import { ChangedEventSchema, MAX_EVENT_CHANGES, type ChangedEvent } from '../../model/changes';
import { writeTransaction } from '../db/transactions';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { addArticle, addPassage } from '../search/test-library';
import type { LibraryEvent } from '../../model/events';

const tempDir = useTempDir();

function setup() {
  const t = openTestLibrary(tempDir());
  const events: LibraryEvent[] = [];
  t.library.onEvent((e) => events.push(e));
  return { ...t, events };
}

const changed = (events: LibraryEvent[]): ChangedEvent[] =>
  events.filter((e): e is ChangedEvent => e.type === 'changed');

describe('change feed', () => {
  it('lists each changed row once, typed, with what happened to it', async () => {
    const { invoke, library, events } = setup();
    const tag = await invoke('tags.create', { name: 'alpha', color: null });
    expect(changed(events)).toEqual([
      {
        type: 'changed',
        seq: expect.any(Number),
        all: false,
        changes: [{ entity: 'tag', id: tag.id, op: 'insert' }],
      },
    ]);
    // Several log rows for one row in one poll: inserted then updated is still an insert.
    library.db.exec(`UPDATE tags SET color = 'red' WHERE id = '${tag.id}'`);
    library.db.exec(`UPDATE tags SET color = 'blue' WHERE id = '${tag.id}'`);
    library.flushChanges();
    expect(changed(events)[1]!.changes).toEqual([{ entity: 'tag', id: tag.id, op: 'update' }]);
    library.db.exec(`DELETE FROM tags WHERE id = '${tag.id}'`);
    library.flushChanges();
    expect(changed(events)[2]!.changes).toEqual([{ entity: 'tag', id: tag.id, op: 'delete' }]);
    for (const e of changed(events)) expect(ChangedEventSchema.parse(e)).toEqual(e);
  });

  it('says "restore" for an article, passage or note taken out of the trash, "update" for an edit', async () => {
    const { invoke, library, events } = setup();
    const articleId = addArticle(library.db, { title: 'Moss', body: 'Moss grows on stones.' });
    const passageId = addPassage(library.db, articleId, 'grows on');
    const note = await invoke('notes.create', { title: 'On moss' });
    library.flushChanges();
    const last = () => changed(events).at(-1)!.changes;

    await invoke('articles.trash', { ids: [articleId] });
    expect(last()).toContainEqual({ entity: 'article', id: articleId, op: 'delete' });
    await invoke('articles.restore', { ids: [articleId] });
    expect(last()).toContainEqual({ entity: 'article', id: articleId, op: 'restore' });
    await invoke('articles.setMeta', { id: articleId, patch: { publisher: 'Bryo Press' } });
    expect(last()).toEqual([{ entity: 'article', id: articleId, op: 'update' }]);

    await invoke('passages.delete', { id: passageId });
    await invoke('passages.restore', { id: passageId });
    expect(last()).toEqual([{ entity: 'passage', id: passageId, op: 'restore' }]);
    await invoke('notes.delete', { id: note.id });
    await invoke('notes.restore', { id: note.id });
    expect(last()).toEqual([{ entity: 'note', id: note.id, op: 'restore' }]);

    // Trashed and restored between two polls: still a restore (a client that saw neither recounts).
    library.db.exec(`UPDATE notes SET deleted_at = 'x' WHERE id = '${note.id}'`);
    library.db.exec(`UPDATE notes SET deleted_at = NULL WHERE id = '${note.id}'`);
    library.db.exec(`UPDATE notes SET title = 'Mosses' WHERE id = '${note.id}'`);
    library.flushChanges();
    expect(last()).toEqual([{ entity: 'note', id: note.id, op: 'restore' }]);
    for (const e of changed(events)) expect(ChangedEventSchema.parse(e)).toEqual(e);
  });

  it('lists every row up to the limit, and says "everything" past it instead of cutting the list', async () => {
    const { library, events } = setup();
    const insertTags = (n: number, prefix: string) =>
      writeTransaction(library.db, () => {
        for (let i = 0; i < n; i++)
          library.db
            .prepare(
              `INSERT INTO tags (id, name, name_key, color, created_at, updated_at)
               VALUES (?, ?, ?, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
            )
            .run(`${prefix}-${i}`, `${prefix} ${i}`, `${prefix} ${i}`);
      });

    insertTags(MAX_EVENT_CHANGES, 'a');
    library.flushChanges();
    expect(changed(events)).toHaveLength(1);
    expect(changed(events)[0]!.all).toBe(false);
    expect(changed(events)[0]!.changes).toHaveLength(MAX_EVENT_CHANGES);

    insertTags(MAX_EVENT_CHANGES + 1, 'b');
    library.flushChanges();
    expect(changed(events)[1]).toEqual({
      type: 'changed',
      seq: changed(events)[0]!.seq! + MAX_EVENT_CHANGES + 1,
      all: true,
      changes: [],
    });
  });

  it("a changing call's answer names how far its changes reach; its event carries the same number", async () => {
    const { dispatch, events } = setup();
    const answer = await dispatch('tags.create', { name: 'beta' }, 'inproc');
    expect(answer.ok && typeof answer.seq).toBe('number');
    expect(changed(events).map((e) => e.seq)).toEqual([answer.ok ? answer.seq : -1]);
    // A read, or a change that changes nothing, names none.
    const read = await dispatch('tags.list', {}, 'inproc');
    expect(read.ok && 'seq' in read).toBe(false);
  });

  it('says "everything" for a log entry this version does not know (a newer app wrote it)', () => {
    const { library, events } = setup();
    library.db.exec(
      `INSERT INTO changes (entity, entity_id, op, at) VALUES ('shelf', 'x', 'insert', '2026')`,
    );
    library.flushChanges();
    expect(changed(events)).toEqual([
      { type: 'changed', seq: expect.any(Number), all: true, changes: [] },
    ]);
  });

  it("reaches another connection's clients: a second process's commits, polled", async () => {
    const dir = tempDir();
    const watcher = openTestLibrary(dir, 20);
    const events: LibraryEvent[] = [];
    watcher.library.onEvent((e) => events.push(e));
    const writer = openTestLibrary(dir);
    const tag = await writer.invoke('tags.create', { name: 'from elsewhere', color: null });
    writer.library.close();
    await expect
      .poll(() => changed(events), { timeout: 10_000 })
      .toEqual([
        {
          type: 'changed',
          seq: expect.any(Number),
          all: false,
          changes: [{ entity: 'tag', id: tag.id, op: 'insert' }],
        },
      ]);
    watcher.library.close();
  });
});
