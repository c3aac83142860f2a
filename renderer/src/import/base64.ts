/**
 * Base64 for file uploads. `btoa` takes a binary string, and building one with
 * `String.fromCharCode(...bytes)` overflows the stack on large files, so bytes are converted in
 * chunks. Each chunk is a multiple of 3 bytes, so the chunks' encodings concatenate without
 * padding in the middle.
 */
const CHUNK_BYTES = 3 * 16 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const end = Math.min(bytes.length, start + CHUNK_BYTES);
    let binary = '';
    for (let i = start; i < end; i++) binary += String.fromCharCode(bytes[i] as number);
    parts.push(btoa(binary));
  }
  return parts.join('');
}
