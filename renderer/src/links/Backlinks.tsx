/**
 * "Referenced by": the links panel of an article, a passage or a note. Mount it anywhere inside
 * the app (the reader header, the passage popover, a note editor):
 *
 *   <Backlinks target={{ kind: 'note', id }} label={title} />
 *
 * It lists incoming links (with mentions and quotes in notes) and outgoing ones, one level only;
 * a click follows a link, × removes a hand-made one (with Undo), "Link…" makes a new one from
 * `target`. It refreshes itself when the library reports changes to links, passages or notes.
 */
import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { EntityRef } from '../../../electron/model/links';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';
import type { LinkRow } from './linkRows';
import { useFollowRef } from './linkEnds';
import { useOpenLinkDialog } from './LinkDialogHost';
import { useLinks, type LinksState } from './useLinks';
import { titleOrUntitled } from '../../../electron/model/titles';

export interface BacklinksProps {
  /** The article, passage or note whose links are shown. */
  target: EntityRef;
  /** Its name as the link dialog shows it ("From: …"): a title, or a short quote. */
  label: string;
  /** Runs before a link is followed, e.g. to close the popover that holds the panel. */
  onNavigate?: () => void;
  /** Level of the group headings (default 3). */
  headingLevel?: 2 | 3 | 4;
  /** The panel's accessible name (default "Links"). */
  title?: string;
}

/** Rows shown per group before "Show all". */
const FIRST_ROWS = 50;

/** Removes a hand-made link, offering Undo and Ctrl/Cmd+Z (which make the same link again). */
function useRemoveLink(refresh: () => void): (row: LinkRow) => Promise<void> {
  const { show } = useToaster();
  const reportError = useReportError();
  const offerUndo = useUndoableDelete();
  return async (row) => {
    try {
      const removed = await invoke('links.delete', { id: row.link.id });
      offerUndo(
        `Link removed: ${row.sentence}`,
        () => {
          invoke('links.create', {
            from: removed.from,
            to: removed.to,
            relation: removed.relation,
          }).then(() => show('success', 'Link restored'), reportError);
        },
        'Undo removing the link',
      );
    } catch (error) {
      reportError(error);
    } finally {
      refresh();
    }
  };
}

interface GroupProps {
  title: string;
  rows: LinkRow[];
  headingLevel: 2 | 3 | 4;
  onFollow: (ref: EntityRef) => void;
  onRemove: (row: LinkRow) => void;
}

function LinkGroup({ title, rows, headingLevel, onFollow, onRemove }: GroupProps) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  const Heading = `h${headingLevel}` as const;
  if (rows.length === 0) return null;
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="links-group">
      <Heading id={headingId} className="links-group-title">
        {title} <span className="links-count">{rows.length}</span>
      </Heading>
      <ul className="links-list" aria-labelledby={headingId}>
        {shown.map((row) => {
          const other = row.link.other;
          const label = titleOrUntitled(other.label.trim());
          return (
            <li key={row.key} className="links-row" title={row.sentence}>
              <span className="links-relation">{row.relation}</span>
              <span className="links-row-main">
                {row.navigable ? (
                  <button
                    type="button"
                    className="links-follow"
                    onClick={() => onFollow(other.ref)}
                  >
                    {label}
                  </button>
                ) : (
                  <span className="links-deleted">
                    <s>{label}</s> <span className="links-deleted-note">deleted</span>
                  </span>
                )}
                {other.context && <span className="links-context">{other.context}</span>}
              </span>
              {row.removable && (
                <button
                  type="button"
                  className="links-remove"
                  aria-label={`Remove link: ${row.sentence}`}
                  onClick={() => onRemove(row)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length > shown.length && (
        <button type="button" className="link-button links-more" onClick={() => setAll(true)}>
          Show all {rows.length}
        </button>
      )}
    </div>
  );
}

/**
 * A popover placed next to its passage (style.top set when it opened) grows when the links
 * arrive; move it up so its buttons stay on screen. Centred dialogs are left to the browser.
 */
function useKeepPopoverOnScreen(panel: RefObject<HTMLElement | null>, content: unknown): void {
  useLayoutEffect(() => {
    const dialog = panel.current?.closest('dialog');
    if (!dialog || dialog.style.top === '') return;
    const margin = 8;
    const rect = dialog.getBoundingClientRect();
    const overflow = rect.bottom - (window.innerHeight - margin);
    if (overflow > 0) dialog.style.top = `${Math.round(Math.max(margin, rect.top - overflow))}px`;
  }, [panel, content]);
}

interface PanelProps extends BacklinksProps {
  state: LinksState;
}

/** The panel over a links state someone else holds (ArticleLinks shares it with its toggle's count). */
export function LinksPanel({
  target,
  label,
  onNavigate,
  headingLevel = 3,
  title = 'Links',
  state,
}: PanelProps) {
  const panel = useRef<HTMLElement>(null);
  const follow = useFollowRef();
  const openLinkDialog = useOpenLinkDialog();
  const remove = useRemoveLink(state.refresh);
  const { groups, error } = state;
  const empty = groups !== null && groups.incoming.length === 0 && groups.outgoing.length === 0;
  useKeepPopoverOnScreen(panel, groups);

  return (
    <section ref={panel} className="links-panel" aria-label={title} tabIndex={-1}>
      {error !== null && (
        <p className="links-message" role="alert">
          Links could not be loaded: {error}
        </p>
      )}
      {groups === null && error === null && <p className="links-message">Loading links…</p>}
      {empty && <p className="links-message">Nothing links here yet.</p>}
      {groups && (
        <>
          <LinkGroup
            title="Referenced by"
            rows={groups.incoming}
            headingLevel={headingLevel}
            onFollow={(ref) => {
              onNavigate?.();
              void follow(ref);
            }}
            onRemove={(row) => {
              panel.current?.focus();
              void remove(row);
            }}
          />
          <LinkGroup
            title="Links to"
            rows={groups.outgoing}
            headingLevel={headingLevel}
            onFollow={(ref) => {
              onNavigate?.();
              void follow(ref);
            }}
            onRemove={(row) => {
              panel.current?.focus();
              void remove(row);
            }}
          />
        </>
      )}
      {openLinkDialog && (
        <button
          type="button"
          className="links-add"
          onClick={() => openLinkDialog({ from: { ref: target, label, context: null } })}
        >
          Link…
        </button>
      )}
    </section>
  );
}

/** The links panel of one thing, fetching its own links. */
export function Backlinks(props: BacklinksProps) {
  const state = useLinks(props.target);
  return <LinksPanel {...props} state={state} />;
}
