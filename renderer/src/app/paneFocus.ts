/**
 * F6 / Shift+F6 move focus between the app's three regions (toolbar, library, reader), as in
 * browsers and mail clients. Regions carry `data-pane="<name>"`; `data-pane-focus` marks the
 * element in one that should take focus.
 */
const PANE_ATTRIBUTE = 'data-pane';
const PANES = ['toolbar', 'library', 'reader'] as const;

/** Tried in order: the element a pane names as its focus, then anything focusable in it. */
const TARGETS = ['[data-pane-focus]', 'button, a[href], [tabindex="0"]', '[tabindex="-1"]'];

function focusTarget(pane: Element): HTMLElement | null {
  for (const selector of TARGETS) {
    for (const candidate of pane.querySelectorAll<HTMLElement>(selector)) {
      if (candidate.closest('[hidden]') === null && !candidate.hasAttribute('disabled'))
        return candidate;
    }
  }
  return null;
}

export function cyclePaneFocus(backwards: boolean): void {
  // A collapsed pane (the library, hidden) is passed over.
  const panes = PANES.map((name) => document.querySelector(`[${PANE_ATTRIBUTE}="${name}"]`)).filter(
    (el): el is Element => el !== null && el.closest('[hidden]') === null,
  );
  if (panes.length === 0) return;
  const current = panes.findIndex((pane) => pane.contains(document.activeElement));
  const step = backwards ? -1 : 1;
  const next =
    current < 0
      ? backwards
        ? panes.length - 1
        : 0
      : (current + step + panes.length) % panes.length;
  focusTarget(panes[next] as Element)?.focus();
}

/** Moves focus into one region (e.g. back to the library after the reader failed). */
export function focusPane(name: (typeof PANES)[number]): void {
  const pane = document.querySelector(`[${PANE_ATTRIBUTE}="${name}"]`);
  if (pane) focusTarget(pane)?.focus();
}
