import { describe, expect, it } from 'vitest';
import { Autosaver, type Timers } from './autosaver';

/** Timers run by hand: the test says when the debounce has elapsed. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    set: (fn, ms) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const fire = () => {
    const all = [...pending.values()];
    pending.clear();
    for (const t of all) t.fn();
  };
  return { timers, fire, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(fail: (n: number) => boolean = () => false) {
  const t = manualTimers();
  const doc = { title: 'a', body: 'x' };
  const saved: Record<string, string>[] = [];
  let calls = 0;
  const releases: (() => void)[] = [];
  let hold = false;
  const saver = new Autosaver<Record<string, string>>({
    build: (parts) =>
      Object.fromEntries([...parts].sort().map((p) => [p, doc[p as keyof typeof doc]])),
    save: (payload) => {
      const n = ++calls;
      const finish = () => {
        if (fail(n)) throw new Error(`save ${n} failed`);
        saved.push(payload);
      };
      if (!hold) return Promise.resolve().then(finish);
      return new Promise<void>((resolve, reject) =>
        releases.push(() => {
          try {
            finish();
            resolve();
          } catch (e) {
            reject(e);
          }
        }),
      );
    },
    timers: t.timers,
  });
  return { saver, doc, saved, t, releases, holdSaves: (on: boolean) => (hold = on) };
}

describe('Autosaver', () => {
  it('saves once after a burst of changes, with only the parts that changed', async () => {
    const { saver, doc, saved, t } = setup();
    doc.body = 'x1';
    saver.change('body');
    doc.body = 'x12';
    saver.change('body');
    expect(saver.state).toBe('dirty');
    expect(t.pending.size).toBe(1);
    t.fire();
    await tick();
    expect(saved).toEqual([{ body: 'x12' }]);
    expect(saver.state).toBe('saved');
  });

  it('flush saves at once and later changes made during a save are saved after it', async () => {
    const { saver, doc, saved, releases, holdSaves } = setup();
    holdSaves(true);
    doc.title = 'T1';
    saver.change('title');
    const flushed = saver.flush();
    await tick();
    expect(saver.state).toBe('saving');
    doc.body = 'typed while saving';
    saver.change('body');
    releases.shift()!();
    await tick();
    await tick();
    releases.shift()!();
    await flushed;
    expect(saved).toEqual([{ title: 'T1' }, { body: 'typed while saving' }]);
    expect(saver.isDirty).toBe(false);
    expect(saver.state).toBe('saved');
  });

  it('settled waits for the running save but not for changes still waiting for their timer', async () => {
    const { saver, doc, saved, t, releases, holdSaves } = setup();
    await saver.settled(); // nothing running: resolves at once
    holdSaves(true);
    doc.body = 'first';
    saver.change('body');
    t.fire();
    let settled = false;
    const waiting = saver.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    releases.shift()!();
    await waiting;
    expect(saved).toEqual([{ body: 'first' }]);
    doc.body = 'second';
    saver.change('body');
    await saver.settled(); // the new change waits for its timer; nothing is running
    expect(saver.isDirty).toBe(true);
    expect(saved).toEqual([{ body: 'first' }]);
  });

  it('discard gives up unsaved changes: nothing is saved by a later flush', async () => {
    const { saver, doc, saved, t } = setup();
    doc.body = 'unwanted';
    saver.change('body');
    saver.discard();
    expect(saver.isDirty).toBe(false);
    expect(saver.state).toBe('saved');
    expect(t.pending.size).toBe(0);
    await saver.flush();
    expect(saved).toEqual([]);
  });

  it('while held, the pause after typing saves nothing; releasing saves; flush saves even when held', async () => {
    const { saver, doc, saved, t } = setup();
    saver.hold(true);
    doc.body = 'waits';
    saver.change('body');
    t.fire();
    await tick();
    expect(saved).toEqual([]);
    expect(saver.isDirty).toBe(true);
    saver.hold(false);
    t.fire();
    await tick();
    expect(saved).toEqual([{ body: 'waits' }]);
    saver.hold(true);
    doc.body = 'closing';
    saver.change('body');
    await saver.flush();
    expect(saved).toEqual([{ body: 'waits' }, { body: 'closing' }]);
  });

  it('a failed save keeps the changes, reports the error and retries them', async () => {
    const { saver, doc, saved, t } = setup((n) => n === 1);
    doc.body = 'precious';
    saver.change('body');
    await saver.flush();
    expect(saver.state).toBe('error');
    expect(String(saver.lastError)).toContain('save 1 failed');
    expect(saver.isDirty).toBe(true);
    expect(t.pending.size).toBe(1); // the retry
    t.fire();
    await tick();
    await tick();
    expect(saved).toEqual([{ body: 'precious' }]);
    expect(saver.state).toBe('saved');
  });

  it('takePending hands over everything unsaved once; restorePending brings it back', () => {
    const { saver, doc } = setup();
    expect(saver.takePending()).toBeNull();
    doc.title = 'last words';
    saver.change('title');
    saver.change('body');
    expect(saver.takePending()).toEqual({ body: 'x', title: 'last words' });
    expect(saver.takePending()).toBeNull();
    saver.restorePending(['title']);
    expect(saver.isDirty).toBe(true);
    expect(saver.takePending()).toEqual({ title: 'last words' });
  });

  it('does not retry a save the library refused for good, but keeps the changes unsaved', async () => {
    const t = manualTimers();
    let calls = 0;
    const saver = new Autosaver<string>({
      build: () => 'doc',
      save: async () => {
        calls++;
        throw new Error('not_found');
      },
      retryable: (error) => String(error).includes('server down'),
      timers: t.timers,
    });
    saver.change('doc');
    await saver.flush();
    expect(calls).toBe(1);
    expect(saver.state).toBe('error');
    expect(saver.isDirty).toBe(true);
    expect(t.pending.size).toBe(0);
  });

  it('a last-chance send that arrived shows the note as saved', () => {
    const { saver } = setup();
    saver.change('body');
    expect(saver.takePending()).not.toBeNull();
    expect(saver.state).toBe('saving');
    saver.confirmSent();
    expect(saver.state).toBe('saved');
  });
});
