/**
 * The app:// scheme: declared privileged before `ready` (so its pages get a real, secure
 * origin with fetch and code cache), then served from the built renderer after `ready`.
 */
import { protocol } from 'electron';
import { APP_SCHEME } from './app-url';
import { serveRendererFile } from './renderer-files';

/** Must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** After `ready`: answers app:// requests from `rendererDir` (the default session). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request));
}
