import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { NotesPane } from '../notes/NotesPane';
import { useNoteActions } from '../notes/useNoteActions';
import { useShortcut } from '../app/useShortcut';
import { windowStorage } from '../app/windowStorage';

type Tab = 'articles' | 'notes';
const TAB_KEY = 'commonplace.library-tab';

function storedTab(): Tab {
  return windowStorage()?.getItem(TAB_KEY) === 'notes' ? 'notes' : 'articles';
}

/**
 * "Articles | Notes" above the library: an ARIA tab list (arrow keys, Home/End move between the
 * tabs). The articles panel stays mounted (it keeps its pages and scroll position); the notes
 * list loads when shown. Ctrl/Cmd+Alt+N makes a new
 * note from anywhere.
 */
export function LibraryTabs({ articles }: { articles: ReactNode }) {
  const id = useId();
  const [tab, setTab] = useState<Tab>(storedTab);
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ articles: null, notes: null });
  const { create } = useNoteActions();

  useEffect(() => {
    try {
      windowStorage()?.setItem(TAB_KEY, tab);
    } catch {
      // Full: not remembered; nothing else depends on it.
    }
  }, [tab]);

  useShortcut('newNote', (event) => {
    // AltGr is Ctrl+Alt on Windows: AltGr+N types a letter in some layouts (ń in Polish).
    if (event.getModifierState('AltGraph')) return false;
    setTab('notes');
    void create();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const order: Tab[] = ['articles', 'notes'];
    const at = order.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? order[(at + 1) % 2]
        : event.key === 'ArrowLeft'
          ? order[(at + 1) % 2]
          : event.key === 'Home'
            ? 'articles'
            : event.key === 'End'
              ? 'notes'
              : null;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabs.current[next]?.focus();
  };

  const tabButton = (value: Tab, label: string) => (
    <button
      ref={(el) => {
        tabs.current[value] = el;
      }}
      type="button"
      role="tab"
      id={`${id}-${value}-tab`}
      aria-selected={tab === value}
      aria-controls={`${id}-${value}-panel`}
      tabIndex={tab === value ? 0 : -1}
      className="library-tab"
      onClick={() => setTab(value)}
    >
      {label}
    </button>
  );

  return (
    <div className="library-tabs">
      <div role="tablist" aria-label="Library" className="library-tablist" onKeyDown={onKeyDown}>
        {tabButton('articles', 'Articles')}
        {tabButton('notes', 'Notes')}
      </div>
      <div
        role="tabpanel"
        id={`${id}-articles-panel`}
        aria-labelledby={`${id}-articles-tab`}
        hidden={tab !== 'articles'}
        className="library-tabpanel"
      >
        {articles}
      </div>
      <div
        role="tabpanel"
        id={`${id}-notes-panel`}
        aria-labelledby={`${id}-notes-tab`}
        hidden={tab !== 'notes'}
        className="library-tabpanel"
      >
        {tab === 'notes' && <NotesPane />}
      </div>
    </div>
  );
}
