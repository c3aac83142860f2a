/** A tag's colour as a small dot (a CSSOM style write, which the CSP allows). */
export function TagDot({ color }: { color: string | null }) {
  if (color === null) return null;
  return <span className="tag-dot" aria-hidden="true" style={{ backgroundColor: color }} />;
}
