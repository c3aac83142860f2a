// Types for native-abi.cjs (plain CommonJS: electron-builder loads the packaging hooks as is).
export type AbiStamp =
  { ok: true; format: string; abi: number | 'napi' } | { ok: false; reason: string };

export function readNativeAbi(file: string): AbiStamp;
export function readNativeAbiFrom(bytes: Buffer): AbiStamp;
