// tests/kiosk/session_crash.test.mjs — the kiosk's UI crashes mid-form
// (SIGKILL, as the OOM killer would): its supervising parent starts a new UI
// at once, which opens the sealed draft with the session key the two share
// in memory and puts the resident back where they were, values intact. The
// draft on disk was never readable without that key, and Finish removes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../server/harness.mjs';
import { startKiosk } from './harness.mjs';
import { openServiceGroup, filesHolding } from './session_flow.mjs';

const DESCRIPTION = 'Crash test: water leaking from the pipe under bridge 9';
const PHONE = '13655554444';
let server;
let kiosk;
let dataDir;

before(async () => {
  server = await startServer();
  dataDir = mkdtempSync(path.join(tmpdir(), 'civic-kiosk-crash-'));
  kiosk = startKiosk({ server: server.base, args: ['--lang', 'en', '--data-dir', dataDir, '--idle-seconds', '600'] });
});

after(async () => {
  if (kiosk) await kiosk.stop();
  if (server) await server.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// The civic-kiosk processes running with our data dir: [parent, UI].
function kioskProcesses() {
  const found = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0');
      if (path.basename(cmd[0]) !== 'civic-kiosk' || !cmd.includes(dataDir)) continue;
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ')[1]);
      found.push({ pid: Number(pid), ppid });
    } catch { /* gone meanwhile */ }
  }
  const ui = found.find((p) => found.some((q) => q.pid === p.ppid));
  const parent = found.find((p) => p !== ui);
  return { parent, ui };
}

test('a crashed UI comes back with the resident\'s draft', async () => {
  assert.ok((await kiosk.send('wait group/0 30000')).ok, kiosk.stderr());
  await openServiceGroup(kiosk, 'streetlight-out');
  assert.ok((await kiosk.send('tap service/streetlight-out')).ok);
  assert.ok((await kiosk.send('wait field/description')).ok);
  assert.ok((await kiosk.send(`type field/description ${DESCRIPTION}`)).ok);
  assert.ok((await kiosk.send(`type field/phone ${PHONE}`)).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  const draft = path.join(dataDir, 'session', 'draft.cvs');
  assert.ok(existsSync(draft));
  assert.deepEqual(filesHolding(dataDir, [DESCRIPTION, PHONE]), []);
  const before = kioskProcesses();
  assert.ok(before.parent && before.ui, 'the kiosk runs as a supervisor and a UI');
  process.kill(before.ui.pid, 'SIGKILL');
  // The new UI restores the form: same service, same values.
  // (The values are replayed in the same turn the form arrives, before it is
  // first drawn; 30 s covers a restart on a loaded machine.)
  const r = await kiosk.send('wait field/description 30000');
  assert.ok(r.ok, `${r.error} ${kiosk.stderr()}`);
  const after = kioskProcesses();
  assert.equal(after.parent.pid, before.parent.pid);
  assert.notEqual(after.ui.pid, before.ui.pid);
  assert.match(kiosk.stderr(), /restarting/);
  const nodes = await kiosk.nodes();
  assert.equal(nodes.find((n) => n.id === 'field/description').value, DESCRIPTION);
  assert.equal(nodes.find((n) => n.id === 'field/phone').value, PHONE);
  // Finish: the sealed draft goes, and nothing of it is left anywhere.
  assert.ok((await kiosk.send('tap back')).ok);   // the restored form opened straight from home
  assert.ok((await kiosk.send('wait finish')).ok);
  assert.ok((await kiosk.send('tap finish')).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  assert.ok(!existsSync(draft));
  assert.deepEqual(filesHolding(dataDir, [DESCRIPTION, PHONE]), []);
});
