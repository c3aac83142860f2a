/** Keyboard facts the app's shortcuts share. */

/** Whether a key event's target takes typing (a field, an editor): app shortcuts leave those keys alone. */
export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select'))
  );
}

/** Ctrl/Cmd+`key` with no Shift or Alt (`key` in lower case). */
export function isModKey(event: KeyboardEvent, key: string): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.shiftKey &&
    !event.altKey &&
    event.key.toLowerCase() === key
  );
}
