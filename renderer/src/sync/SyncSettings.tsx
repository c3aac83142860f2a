/**
 * Settings → Sync: choose the sync folder and name this device, then see how sync goes (last sync,
 * changes waiting out and in, devices seen and when, files skipped), a progress bar while a large
 * library is first sent or received, and Sync now. The live sync (core/sync/live.ts) reports its
 * work as `sync` events; the status is read again after each.
 */
import { useId, useState, type FormEvent } from 'react';
import type { SyncEvent } from '../../../electron/model/sync';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { chooseFolder, canChooseFolder } from '../api/desktop';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { useLibraryQuery } from '../app/useLibraryQuery';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');
const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

export function SyncSettings() {
  const ids = useId();
  // Any change may be waiting to go out: the status is read again on every change event.
  const status = useLibraryQuery('sync.status', {}, () => true);
  const [live, setLive] = useState<SyncEvent | null>(null);
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useLibraryEvents((event) => {
    if (event.type !== 'sync') return;
    setLive(event);
    if (event.state === 'idle') status.refresh();
  });

  const s = status.data;
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      status.refresh();
    }
  };

  const setUp = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await invoke('sync.init', { folder: folder.trim(), name: name.trim() });
      // Shown at once: while a large first sync runs, a status read waits behind each of its
      // steps, and every step's changes ask for a newer one, so no answer would show until it ends.
      status.set(() => r);
      return `This library syncs with ${r.folder ?? folder} as “${r.deviceName ?? name}”.`;
    });
  };
  const syncNow = () =>
    void run(async () => {
      const r = await invoke('sync.now', {});
      return `Synced: ${plural(r.sent, 'change')} sent, ${plural(r.applied, 'segment')} received${r.parked ? `, ${plural(r.parked, 'change')} waiting for files still arriving` : ''}.`;
    });
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (!s?.folder) return;
    const folderNow = s.folder;
    void run(async () => {
      const r = await invoke('sync.init', { folder: folderNow, name: name.trim() });
      return `This device is now named “${r.deviceName ?? name}”.`;
    });
  };
  const pick = () =>
    void chooseFolder().then((p) => {
      if (p) setFolder(p);
    });

  const progress = live?.state === 'syncing' && live.total > 0 ? live : null;

  return (
    <section className="sync-settings" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Sync</h3>
      {status.error && (
        <p role="alert" className="sync-error">
          Sync status could not be read: {status.error.message}
        </p>
      )}
      {s && !s.configured && (
        <form className="sync-setup" onSubmit={setUp}>
          <p className="sync-hint">
            Choose a folder that Syncthing (or Nextcloud, Dropbox, a network share) keeps the same
            on your other devices. Each device writes only its own files there.
          </p>
          <div className="sync-row">
            <label htmlFor={`${ids}-folder`}>Sync folder</label>
            <input
              id={`${ids}-folder`}
              type="text"
              value={folder}
              spellCheck={false}
              placeholder="/home/you/Sync/Commonplace"
              onChange={(e) => setFolder(e.target.value)}
            />
            {canChooseFolder() && (
              <button type="button" onClick={pick}>
                Choose…
              </button>
            )}
          </div>
          <div className="sync-row">
            <label htmlFor={`${ids}-name`}>This device’s name</label>
            <input
              id={`${ids}-name`}
              type="text"
              value={name}
              placeholder="Laptop"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="dialog-actions">
            <button
              type="submit"
              className="primary"
              disabled={busy || !folder.trim() || !name.trim()}
            >
              Start syncing
            </button>
          </div>
        </form>
      )}
      {s?.configured && (
        <>
          <dl className="sync-status" data-testid="sync-status">
            <dt>Folder</dt>
            <dd className="sync-folder">{s.folder}</dd>
            <dt>This device</dt>
            <dd>{s.deviceName}</dd>
            <dt>Last sync</dt>
            <dd>{when(s.lastSyncAt)}</dd>
            <dt>Waiting to go out</dt>
            <dd>{plural(s.outgoing, 'change')}</dd>
            <dt>Waiting to come in</dt>
            <dd>
              {plural(s.incoming, 'segment')}
              {s.parked > 0 && `, ${plural(s.parked, 'change')} waiting for files still arriving`}
            </dd>
          </dl>
          {progress && (
            <div className="sync-progress">
              <label htmlFor={`${ids}-progress`}>
                {progress.phase === 'sending' ? 'Sending' : 'Receiving'}{' '}
                {progress.done.toLocaleString()} of {progress.total.toLocaleString()}{' '}
                {progress.phase === 'sending' ? 'changes' : 'segments'}…
              </label>
              <progress id={`${ids}-progress`} max={progress.total} value={progress.done} />
            </div>
          )}
          <h4>Devices</h4>
          <ul className="sync-devices" aria-label="Devices">
            {s.devices.map((d) => (
              <li key={d.deviceId}>
                <span className="sync-device-name">
                  {d.name}
                  {d.self ? ' (this device)' : ''}
                </span>{' '}
                <span className="sync-device-seen">
                  {d.lastSeenAt ? `last wrote ${when(d.lastSeenAt)}` : 'nothing written yet'}
                </span>
              </li>
            ))}
          </ul>
          {s.clocks.length > 0 && (
            <div className="sync-warning" data-testid="sync-clocks">
              {s.clocks.map((c) => (
                <p key={c.deviceId}>{c.message}</p>
              ))}
            </div>
          )}
          {(s.problems.length > 0 || live?.error) && (
            <div role="alert" className="sync-error">
              {live?.error && <p>{live.error}</p>}
              {s.problems.length > 0 && (
                <>
                  <p>Skipped at the last sync (tried again at the next):</p>
                  <ul>
                    {s.problems.map((p) => (
                      <li key={p.file}>{p.message}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <form className="sync-rename" onSubmit={rename}>
            <div className="sync-row">
              <label htmlFor={`${ids}-rename`}>Rename this device</label>
              <input
                id={`${ids}-rename`}
                type="text"
                value={name}
                placeholder={s.deviceName ?? ''}
                onChange={(e) => setName(e.target.value)}
              />
              <button type="submit" disabled={busy || !name.trim()}>
                Rename
              </button>
            </div>
          </form>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={syncNow} disabled={busy}>
              {busy ? 'Syncing…' : 'Sync now'}
            </button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="sync-error">
          {error}
        </p>
      )}
      {message && (
        <p role="status" className="sync-message">
          {message}
        </p>
      )}
    </section>
  );
}
