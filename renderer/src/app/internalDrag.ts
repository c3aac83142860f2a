/**
 * Drags that start inside the app (library rows onto a collection) carry this type, so the
 * window's file drop (import) leaves them alone and only our own targets take them.
 */
export const ARTICLES_DRAG_TYPE = 'application/x-commonplace-articles';

export function isInternalDrag(data: DataTransfer | null): boolean {
  return data?.types.includes(ARTICLES_DRAG_TYPE) ?? false;
}
