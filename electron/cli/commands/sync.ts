import type { Command } from 'commander';
import type { SyncDevice } from '../../model/sync';
import type { CliContext } from '../context';

const when = (iso: string | null) => iso ?? 'never';

function deviceLine(d: SyncDevice): string {
  return `${d.name}${d.self ? ' (this device)' : ''}  ${d.deviceId}  ${d.segments} segment${d.segments === 1 ? '' : 's'}, last ${when(d.lastSeenAt)}`;
}

/** `sync init | now | status | devices`. */
export function registerSyncCommands(program: Command, context: CliContext): void {
  const sync = program
    .command('sync')
    .description(
      'sync this library with other devices through a folder (Syncthing, any synced folder)',
    );
  sync
    .command('init')
    .description("set up sync: join the folder's library, or make the empty folder this library's")
    .requiredOption('--folder <dir>', 'the sync folder')
    .requiredOption('--name <name>', "this device's name, shown on what it changes")
    .action(async (o: { folder: string; name: string }) => {
      const s = await context.client()('sync.init', { folder: o.folder, name: o.name });
      context.io.out(
        `syncing library ${s.libraryId} with ${s.folder} as "${s.deviceName}" (${s.outgoing} changes to send; run sync now)`,
      );
    });
  sync
    .command('now')
    .description('send local changes and apply what other devices wrote')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const r = await context.client()('sync.now', {});
      if (o.json) context.print(r);
      else {
        context.io.out(
          `sent ${r.sent} changes in ${r.written} segments; applied ${r.applied} segments (${r.received} changes)${r.parked ? `; ${r.parked} changes wait for what they refer to` : ''}`,
        );
        for (const p of r.problems) context.io.err(p.message);
      }
    });
  sync
    .command('status')
    .description('last sync, changes waiting to go out and to come in, devices seen')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const s = await context.client()('sync.status', {});
      if (o.json) return context.print(s);
      if (!s.configured)
        return context.io.out('Sync is not set up (sync init --folder DIR --name NAME).');
      context.io.out(`folder ${s.folder}, library ${s.libraryId}, this device "${s.deviceName}"`);
      context.io.out(
        `last sync ${when(s.lastSyncAt)}; ${s.outgoing} changes to send, ${s.incoming} segments to apply, ${s.parked} parked`,
      );
      for (const d of s.devices) context.io.out(deviceLine(d));
      for (const p of s.problems) context.io.out(`skipped: ${p.message}`);
      for (const c of s.clocks) context.io.out(`clock: ${c.message}`);
    });
  sync
    .command('devices')
    .description('the devices that write to the sync folder')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const devices = await context.client()('sync.devices', {});
      if (o.json) context.print(devices);
      else for (const d of devices) context.io.out(deviceLine(d));
    });
}
