// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUCCESS_MS, useToasts, type Toaster } from './useToasts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
function mount(): () => Toaster {
  let current: Toaster | null = null;
  function App() {
    current = useToasts();
    return null;
  }
  root = createRoot(document.createElement('div'));
  act(() => root!.render(<App />));
  return () => current!;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});

const texts = (toaster: Toaster) => toaster.toasts.map((t) => t.text);

describe('useToasts', () => {
  it('a plain success fades; a failure stays until dismissed', () => {
    const toaster = mount();
    act(() => {
      toaster().show('error', 'Could not save');
      toaster().show('success', 'Saved');
    });
    act(() => vi.advanceTimersByTime(SUCCESS_MS + 1));
    expect(texts(toaster())).toEqual(['Could not save']);
  });

  it('a success offering Undo stays until used, dismissed or replaced by the next success', () => {
    const toaster = mount();
    let undone = 0;
    act(() => {
      toaster().show('success', 'Details saved', { label: 'Undo', run: () => undone++ });
    });
    act(() => vi.advanceTimersByTime(10 * SUCCESS_MS));
    expect(texts(toaster())).toEqual(['Details saved']);
    act(() => toaster().toasts[0]!.action!.run());
    expect(undone).toBe(1);

    act(() => toaster().show('success', 'Passage deleted', { label: 'Undo', run: () => {} }));
    act(() => toaster().show('success', 'Exported'));
    expect(texts(toaster())).toEqual(['Exported']);
    act(() => vi.advanceTimersByTime(SUCCESS_MS + 1));
    expect(texts(toaster())).toEqual([]);
  });
});
