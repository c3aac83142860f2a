import { useMemo, useRef } from 'react';
import type { Body } from '../../../electron/model/body';

/**
 * The same body object (and version) for as long as the body's content is the same: refetching the
 * article after a tag change must not rebuild the reader (and lose the scroll position and marks).
 */
export function useStableBody(body: Body): { body: Body; version: number } {
  const json = useMemo(() => JSON.stringify(body), [body]);
  const kept = useRef({ json, body, version: 0 });
  if (kept.current.json !== json) kept.current = { json, body, version: kept.current.version + 1 };
  return { body: kept.current.body, version: kept.current.version };
}
