// Types for bundle-abi.cjs.
import type { AbiStamp } from './native-abi.cjs';

export type Runtime = { abi: number; runtime: string; version: string };
export function nativeModulesIn(dir: string): { where: string; stamp: () => AbiStamp }[];
export function checkBundleAbi(
  dir: string,
  expected: Runtime,
): { modules: { file: string; stamp: AbiStamp }[]; problems: string[] };
export function refusal(problems: string[], expected: Runtime): string;
