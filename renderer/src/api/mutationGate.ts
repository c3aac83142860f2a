/**
 * Holds change events while this page's own changes are in flight, and hands them on, in order,
 * once every one has settled — its answer is in, its caller has put the answer in place, and its
 * own change event has arrived.
 *
 * Why: a change's own event and its answer travel separately (web mode: two connections) and
 * either may come first. The answer names how far into the change log its changes reach (`seq`);
 * the gate waits for an event that far. A view that put the answer in place names the rows it
 * covers (useLibraryQuery's `set`), and on the hand-on that follows it can tell its own change
 * from someone else's and skip fetching again what it already shows.
 */
import type { Envelope } from '../../../electron/api/contract';
import type { LibraryEvent } from '../../../electron/model/events';

export interface MutationGate {
  /** An event from the transport. */
  receive(event: LibraryEvent): void;
  /** Runs a changing call through the gate: change events wait until it settles. */
  during<T extends Envelope<unknown>>(call: Promise<T>): Promise<T>;
  /**
   * While a change is in flight, the number of the hand-on that will follow it (an answer put in
   * place covers the events of that hand-on only); null when nothing is in flight.
   */
  coverWindow(): number | null;
  /** How many hand-ons have happened. */
  settledCount(): number;
}

/** An answer's own event that never comes (the stream was down as it was sent) stops holding after this. */
const MAX_WAIT_MS = 5000;

export function mutationGate(
  deliver: (event: LibraryEvent) => void,
  // After the call's own continuations (microtasks): they put its answer in place first.
  defer: (run: () => void, ms?: number) => void = (run, ms = 0) => setTimeout(run, ms),
): MutationGate {
  let inFlight = 0;
  let held: LibraryEvent[] = [];
  let settled = 0;
  /** The furthest change log position an event has reached. */
  let seen = 0;
  /** Answers waiting for their own event: how far it must reach, and what then. */
  let waiting: { seq: number; done: () => void }[] = [];

  const release = () => {
    inFlight--;
    if (inFlight > 0) return;
    const events = held;
    held = [];
    try {
      for (const event of events) deliver(event);
    } finally {
      settled++;
    }
  };

  /** Calls `done` once, when an event reached `seq`, a reconnect said "everything", or at the cap. */
  const afterEvent = (seq: number, done: () => void) => {
    if (seq <= seen) return done();
    let once = false;
    const finish = () => {
      if (once) return;
      once = true;
      waiting = waiting.filter((w) => w.done !== finish);
      done();
    };
    waiting.push({ seq, done: finish });
    defer(finish, MAX_WAIT_MS);
  };

  return {
    receive(event) {
      if (event.type === 'changed') {
        // A reconnect (null) covers whatever was awaited: it may never come.
        if (event.seq !== null) seen = Math.max(seen, event.seq);
        for (const w of waiting) if (event.seq === null || w.seq <= seen) w.done();
        if (inFlight > 0) {
          held.push(event);
          return;
        }
      }
      deliver(event);
    },
    during(call) {
      inFlight++;
      call.then(
        (envelope) => {
          if (envelope.ok && envelope.seq !== undefined)
            afterEvent(envelope.seq, () => defer(release));
          else defer(release);
        },
        () => defer(release),
      );
      return call;
    },
    coverWindow: () => (inFlight > 0 ? settled : null),
    settledCount: () => settled,
  };
}
