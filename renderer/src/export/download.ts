/**
 * Hands a built export to the user: a Blob download. In web mode the browser saves it; in the
 * desktop app Electron answers a download nobody set a path for with the native Save dialog.
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function saveFile(fileName: string, mediaType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; a late revoke keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
