// Types for pack-hooks.cjs (electron-builder's hook contexts, reduced to what the hooks read).
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number | string;
  packager: { appInfo: { productFilename: string } };
}
export const NATIVE_BINDING: string[];
export function beforePack(context: PackContext): Promise<void>;
export function afterPack(context: PackContext): Promise<void>;
