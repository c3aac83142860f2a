// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useToasts, type Toaster } from './useToasts';
import { ToasterContext } from './toasterContext';
import { useUndoableDelete } from './useUndoableDelete';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Offer = ReturnType<typeof useUndoableDelete>;

/** The app's real toaster, and two parts of the app each deleting things with undo. */
function mount(): { offers: Offer[]; toaster: () => Toaster; root: Root } {
  const offers: Offer[] = [];
  let current: Toaster | null = null;
  function Part({ index }: { index: number }) {
    offers[index] = useUndoableDelete();
    return null;
  }
  function App({ children }: { children: ReactNode }) {
    const toaster = useToasts();
    current = toaster;
    return <ToasterContext.Provider value={toaster}>{children}</ToasterContext.Provider>;
  }
  const root = createRoot(document.createElement('div'));
  act(() =>
    root.render(
      <App>
        <Part index={0} />
        <Part index={1} />
      </App>,
    ),
  );
  return { offers, toaster: () => current!, root };
}

function ctrlZ(target: EventTarget = document.body): void {
  act(() => {
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }),
    );
  });
}

let mounted: Root | null = null;
afterEach(() => {
  act(() => mounted?.unmount());
  mounted = null;
});

describe('useUndoableDelete', () => {
  it('Ctrl+Z undoes only the latest deletion, whichever part made it, once', () => {
    const { offers, toaster, root } = mount();
    mounted = root;
    const undone: string[] = [];
    act(() => offers[0]!('Note deleted', () => undone.push('note')));
    act(() => offers[1]!('Passage deleted', () => undone.push('passage')));
    expect(toaster().toasts.map((t) => t.text)).toEqual(['Passage deleted']);
    ctrlZ();
    expect(undone).toEqual(['passage']);
    expect(toaster().toasts).toEqual([]);
    ctrlZ();
    expect(undone).toEqual(['passage']);
  });

  it('the toast button undoes once, and then the key has nothing left to undo', () => {
    const { offers, toaster, root } = mount();
    mounted = root;
    const undone: string[] = [];
    act(() => offers[0]!('Link removed', () => undone.push('link'), 'Undo removing the link'));
    const action = toaster().toasts[0]!.action!;
    expect([action.label, action.ariaLabel]).toEqual(['Undo', 'Undo removing the link']);
    act(() => action.run());
    ctrlZ();
    act(() => action.run());
    expect(undone).toEqual(['link']);
  });

  it('leaves Ctrl+Z to text fields', () => {
    const { offers, root } = mount();
    mounted = root;
    const undone: string[] = [];
    act(() => offers[1]!('Passage deleted', () => undone.push('passage')));
    const field = document.body.appendChild(document.createElement('input'));
    ctrlZ(field);
    expect(undone).toEqual([]);
    ctrlZ();
    expect(undone).toEqual(['passage']);
    field.remove();
  });
});
