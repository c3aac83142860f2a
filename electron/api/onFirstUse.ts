/**
 * A module loaded on first use, once: calls made while it loads share the one load. (Two
 * concurrent `import()`s of one module can each start loading it where modules are compiled on
 * the fly — the sources run through jiti in tests — and the second saw it half-initialised.) A
 * failed load is tried again on the next call.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}
