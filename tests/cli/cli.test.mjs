// tests/cli/cli.test.mjs — `civic services` and `civic service CODE` against a
// real civic-server, and the errors a user meets (bad URL, unreachable
// server, unknown service, unknown command) in their language with the
// documented exit codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { startServer, bin } from '../server/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

function civic(args, env = {}) {
  const r = spawnSync(path.join(bin, 'civic'), args,
    { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env }, timeout: 30000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A loopback port nobody listens on.
async function closedPort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

test('services --json lists >= 20 services in >= 6 groups', () => {
  const r = civic(['--server', server.base, '--json', 'services']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.ok(j.groups.length >= 6);
  const all = j.groups.flatMap((g) => g.services);
  assert.ok(all.length >= 20);
  for (const s of all) assert.ok(s.service_code && s.service_name);
});

test('services prints names in the chosen language', async (t) => {
  const rows = [
    { name: 'zh-CN by flag', args: ['--lang', 'zh-CN'], env: {}, want: /[\u4e00-\u9fff]/ },
    { name: 'en by flag', args: ['--lang', 'en'], env: {}, want: /^[\x20-\x7e\n\t—–’\u00a0-\u00ff]+$/ },
    { name: 'en from LANG', args: [], env: { LANG: 'en_US.UTF-8' }, want: /services\)/ },
  ];
  for (const row of rows) {
    await t.test(row.name, () => {
      const r = civic(['--server', server.base, ...row.args, 'services'], row.env);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, row.want);
    });
  }
});

test('service CODE shows the form of a service with attributes', () => {
  const list = JSON.parse(civic(['--server', server.base, '--json', 'services']).out);
  const svc = list.groups.flatMap((g) => g.services).find((s) => s.metadata);
  assert.ok(svc, 'the seed has a service with a definition');
  const j = civic(['--server', server.base, '--json', '--lang', 'en', 'service', svc.service_code]);
  assert.equal(j.code, 0, j.err);
  const def = JSON.parse(j.out);
  assert.equal(def.service_code, svc.service_code);
  assert.ok(def.attributes.length > 0);
  for (const a of def.attributes)
    assert.ok(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'].includes(a.datatype));
  const human = civic(['--server', server.base, '--lang', 'en', 'service', svc.service_code]);
  assert.equal(human.code, 0, human.err);
  assert.ok(human.out.includes(def.attributes.find((a) => a.variable).code));
  assert.match(human.out, /required|optional/);
});

test('errors are explained in the user\'s language with the documented exit codes', async (t) => {
  const dead = `http://127.0.0.1:${await closedPort()}/open311/v2/`;
  const rows = [
    { name: 'unreachable server, zh', args: ['--server', dead, '--lang', 'zh-CN', 'services'], code: 1, err: /无法连接服务器/ },
    { name: 'unreachable server, en', args: ['--server', dead, '--lang', 'en', 'services'], code: 1, err: /Cannot reach the server/ },
    { name: 'not a URL', args: ['--server', 'ftp:/x', '--lang', 'en', 'services'], code: 2, err: /not a valid server URL/ },
    { name: 'unknown service', args: ['--server', server.base, '--lang', 'en', 'service', 'no-such-service'], code: 1, err: /Not found/ },
    { name: 'unknown command', args: ['--lang', 'en', 'frobnicate'], code: 2, err: /unknown command: frobnicate/ },
    { name: 'unknown option', args: ['--lang', 'zh-CN', '--colour', 'services'], code: 2, err: /未知选项：--colour/ },
    { name: 'missing CODE', args: ['--server', server.base, '--lang', 'en', 'service'], code: 2, err: /missing argument: CODE/ },
  ];
  for (const row of rows) {
    await t.test(row.name, () => {
      const r = civic(row.args);
      assert.equal(r.code, row.code, `${r.out} ${r.err}`);
      assert.match(r.err, row.err);
    });
  }
});

test('--json errors are machine-readable too', async () => {
  const dead = `http://127.0.0.1:${await closedPort()}/open311/v2/`;
  const r = civic(['--server', dead, '--json', 'services']);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.out).error.id, 'api.network');
});
