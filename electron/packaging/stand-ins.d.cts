// Types for stand-ins.cjs.
export const FUSE_SENTINEL: string;
export const SHIPPED_FUSES: string;
export function makeStandInElectronDist(dir: string, version: string): string;
export function buildStandInNodeModule(
  file: string,
  abi: number,
): { ok: true; file: string } | { ok: false; reason: string };
export const CAN_BUILD_STAND_IN: boolean;
export const HOST_FORMAT: string;
