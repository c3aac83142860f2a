import { describe, expect, it } from 'vitest';
import { DrawQueue } from './drawQueue';

/** A page asking for a turn: records when it gets one, and can be made urgent or cancelled. */
function page(queue: DrawQueue, name: string, log: string[], urgent = false) {
  const state = { urgent, cancelled: false, release: null as (() => void) | null };
  const done = queue
    .turn(
      () => state.urgent,
      () => state.cancelled,
    )
    .then((release) => {
      log.push(release ? name : `${name} dropped`);
      state.release = release;
    });
  return { state, done };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('DrawQueue', () => {
  it('gives one turn at a time, in order', async () => {
    const queue = new DrawQueue();
    const log: string[] = [];
    const a = page(queue, 'a', log);
    const b = page(queue, 'b', log);
    await settle();
    expect(log).toEqual(['a']);
    a.state.release!();
    await b.done;
    expect(log).toEqual(['a', 'b']);
    // Giving a turn back twice doesn't start two pages.
    const c = page(queue, 'c', log);
    const d = page(queue, 'd', log);
    a.state.release!();
    await settle();
    expect(log).toEqual(['a', 'b']);
    b.state.release!();
    await c.done;
    await settle();
    expect(log).toEqual(['a', 'b', 'c']);
    c.state.release!();
    await d.done;
  });

  it('serves a page on screen before the pages beside it, asked when the turn comes', async () => {
    const queue = new DrawQueue();
    const log: string[] = [];
    const first = page(queue, 'first', log);
    const beside = page(queue, 'beside', log);
    const later = page(queue, 'later', log);
    await settle();
    // Scrolled meanwhile: the last queued is now on screen.
    later.state.urgent = true;
    first.state.release!();
    await later.done;
    await settle();
    expect(log).toEqual(['first', 'later']);
    later.state.release!();
    await beside.done;
    expect(log).toEqual(['first', 'later', 'beside']);
  });

  it('drops a page cancelled while it waited, and a cancelled page gives its turn back', async () => {
    const queue = new DrawQueue();
    const log: string[] = [];
    const a = page(queue, 'a', log);
    const gone = page(queue, 'gone', log);
    const c = page(queue, 'c', log);
    await settle();
    gone.state.cancelled = true;
    a.state.release!();
    await Promise.all([gone.done, c.done]);
    expect(log).toEqual(['a', 'gone dropped', 'c']);
    expect(queue.size).toBe(0);
  });
});
