import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../electron/api/contract';
import type { LibraryEvent } from '../../../electron/model/events';
import { mutationGate } from './mutationGate';

const change = (id: string, seq: number | null = 1): LibraryEvent => ({
  type: 'changed',
  seq,
  all: false,
  changes: [{ entity: 'passage', id, op: 'insert' }],
});

function setup() {
  const delivered: LibraryEvent[] = [];
  const soon: (() => void)[] = [];
  const capped: (() => void)[] = [];
  const gate = mutationGate(
    (e) => delivered.push(e),
    (run, ms = 0) => (ms === 0 ? soon : capped).push(run),
  );
  /** Runs what was deferred to "right after the current continuations". */
  const runSoon = async () => {
    await Promise.resolve();
    for (const run of soon.splice(0)) run();
  };
  return { gate, delivered, runSoon, capped };
}

/** A call whose answer the test gives. */
function pending() {
  let answer!: (e: Envelope<unknown>) => void;
  let fail!: (e: Error) => void;
  const call = new Promise<Envelope<unknown>>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { call, answer, fail };
}

describe('mutationGate', () => {
  it('passes events straight on while no change is in flight', () => {
    const { gate, delivered } = setup();
    gate.receive(change('a'));
    expect(delivered).toEqual([change('a')]);
    expect(gate.coverWindow()).toBeNull();
  });

  it("holds change events while a change is in flight; hands them on in order after its caller's continuation", async () => {
    const { gate, delivered, runSoon } = setup();
    const c = pending();
    const call = gate.during(c.call);
    expect(gate.coverWindow()).toBe(0);
    gate.receive(change('own', 7));
    gate.receive({ type: 'retry-save' });
    gate.receive(change('other', 8));
    // Only change events wait.
    expect(delivered).toEqual([{ type: 'retry-save' }]);
    c.answer({ ok: true, data: null, seq: 7 });
    await call;
    // The caller has its answer (and may put it in place); the events wait for the hand-on.
    expect(delivered).toHaveLength(1);
    expect(gate.coverWindow()).toBe(0);
    await runSoon();
    expect(delivered).toEqual([{ type: 'retry-save' }, change('own', 7), change('other', 8)]);
    expect(gate.settledCount()).toBe(1);
    expect(gate.coverWindow()).toBeNull();
  });

  it('an answer that comes before its own event waits for that event', async () => {
    const { gate, delivered, runSoon } = setup();
    const c = pending();
    gate.during(c.call);
    gate.receive(change('older', 3));
    c.answer({ ok: true, data: null, seq: 5 });
    await runSoon();
    expect(delivered).toEqual([]);
    gate.receive(change('own', 5));
    await runSoon();
    expect(delivered).toEqual([change('older', 3), change('own', 5)]);
  });

  it('a reconnect ends the wait (the own event may be lost); so does the cap', async () => {
    const { gate, delivered, runSoon, capped } = setup();
    const a = pending();
    gate.during(a.call);
    a.answer({ ok: true, data: null, seq: 9 });
    await runSoon();
    gate.receive(change('everything', null));
    await runSoon();
    expect(delivered).toEqual([change('everything', null)]);

    const b = pending();
    gate.during(b.call);
    b.answer({ ok: true, data: null, seq: 20 });
    await runSoon();
    gate.receive(change('x', 10));
    await runSoon();
    expect(delivered).toHaveLength(1);
    for (const run of capped.splice(0)) run();
    await runSoon();
    expect(delivered).toEqual([change('everything', null), change('x', 10)]);
  });

  it('waits for every overlapping change, failed ones and ones that changed nothing too', async () => {
    const { gate, delivered, runSoon } = setup();
    const a = pending();
    const b = pending();
    gate.during(a.call);
    const failing = gate.during(b.call);
    gate.receive(change('x', 2));
    a.answer({ ok: true, data: null });
    await runSoon();
    expect(delivered).toEqual([]);
    b.fail(new Error('refused'));
    await expect(failing).rejects.toThrow('refused');
    await runSoon();
    expect(delivered).toEqual([change('x', 2)]);
  });
});
