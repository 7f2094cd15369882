// tests/cli/photo.test.mjs — `civic file --photo`: the photo is compressed
// and stored with the entry before anything is sent, uploaded with tus in
// chunks; killed half-way, `civic outbox flush` asks the server for its
// offset (HEAD) and sends only the rest; the ticket has its photo once.
// Behind a proxy that drops PATCH, CIVIC_TUS_PATCH_AS_POST=1 still delivers.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { bin, startServer, call } from '../server/harness.mjs';

const CHUNK = 64 * 1024;

function runCivic(args, env = {}) {
  const child = spawn(path.join(bin, 'civic'), args,
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C', CIVIC_UPLOAD_CHUNK_BYTES: String(CHUNK), ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const done = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

// A loopback proxy that holds each connection `delayMs` before forwarding
// (so a kill lands mid-upload) and counts the bytes clients send.
function countingProxy(targetPort, delayMs) {
  const stats = { up: 0, connections: 0 };
  const server = net.createServer((client) => {
    stats.connections++;
    client.pause();
    client.on('error', () => {});
    setTimeout(() => {
      const up = net.connect(targetPort, '127.0.0.1', () => client.resume());
      up.on('error', () => client.destroy());
      client.on('data', (d) => { stats.up += d.length; });
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
      client.pipe(up);
      up.pipe(client);
    }, delayMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ port: server.address().port, stats, close: () => new Promise((r) => server.close(r)) })));
}

// The single outbox record's JSON (after its "civic-outbox 1 <sum>" line).
function outboxEntry(dataDir) {
  const dir = path.join(dataDir, 'outbox');
  const names = readdirSync(dir).filter((n) => n.endsWith('.entry') && !n.startsWith('.'));
  if (names.length !== 1) return null;
  const text = readFileSync(path.join(dir, names[0]), 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n') + 1));
}

test('a photo upload killed half-way resumes at the server offset and is filed once', { timeout: 120_000 }, async () => {
  const server = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
  const work = mkdtempSync(path.join(tmpdir(), 'civic-photo-'));
  const dataDir = path.join(work, 'data');
  const photo = path.join(work, 'noise.jpg');
  // Noise compresses badly: a photo that stays several chunks big after compression.
  execFileSync('convert', ['-size', '1800x1350', 'xc:gray', '+noise', 'Random', '-quality', '95', photo]);
  const target = Number(new URL(server.origin).port);
  const slow = await countingProxy(target, 250);   // slow enough that a kill lands mid-upload, even on a loaded machine
  const common = ['--data-dir', dataDir, '--lang', 'en'];
  try {
    const run = runCivic(['--server', `http://127.0.0.1:${slow.port}/open311/v2/`, ...common, 'file',
      '--service', 'streetlight-out', '--description', '小区门口的路灯已经三天不亮了', '--lat', '22.5431',
      '--long', '114.0579', '--phone', '13800138000', '--attr', 'problem=out', '--attr', 'lights_out=2',
      '--photo', photo]);
    // Kill once the server has confirmed two chunks (the entry says so).
    let entry = null;
    for (let i = 0; i < 2000; i++) {
      try { entry = outboxEntry(dataDir); } catch { entry = null; }
      if (entry && entry.media[0].offset >= 2 * CHUNK) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok(entry, 'the entry is on disk');
    const size = entry.media[0].size;
    assert.ok(size > 4 * CHUNK, `the compressed photo spans several chunks (${size} bytes)`);
    assert.ok(size <= 512 * 1024, 'compressed to the 512 KiB budget');
    assert.ok(readdirSync(path.join(dataDir, 'outbox', 'media', entry.key)).length === 1, 'the photo is stored beside the entry');
    run.child.kill('SIGKILL');
    const killed = await run.done;
    assert.equal(killed.signal, 'SIGKILL', `killed mid-upload (exit ${killed.code}: ${killed.err})`);
    // Bytes the killed client had already written may still be crossing the
    // slow proxy: let it drain (the server's offset stops moving) before
    // counting what the first run sent.
    const offsetNow = async () => Number((await fetch(entry.media[0].upload_url,
      { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } })).headers.get('upload-offset'));
    let serverOffset = await offsetNow();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 400));
      const again = await offsetNow();
      if (again === serverOffset) break;
      serverOffset = again;
    }
    const firstBytes = slow.stats.up;
    assert.ok(serverOffset >= 2 * CHUNK && serverOffset < size, `half-way on the server (${serverOffset}/${size})`);

    // Restart: flush through a counting proxy (no delay).
    const counted = await countingProxy(target, 0);
    const flush = runCivic(['--server', `http://127.0.0.1:${counted.port}/open311/v2/`, ...common, '--json', 'outbox', 'flush']);
    const r = await flush.done;
    await counted.close();
    assert.equal(r.code, 0, r.err);
    const results = JSON.parse(r.out);
    assert.equal(results.length, 1);
    const id = results[0].service_request_id;
    assert.ok(id, 'delivered with a ticket number');
    // The upload's URL (tus Location) is absolute: its PATCHes go where it
    // was created (the slow proxy); the POST goes to the new --server.
    const flushBytes = (slow.stats.up - firstBytes) + counted.stats.up;
    assert.ok(flushBytes >= size - serverOffset, 'the missing bytes were sent');
    assert.ok(flushBytes < size - serverOffset + 16 * 1024,
      `the flush sent only the rest: ${flushBytes} bytes on the wire for ${size - serverOffset} missing`);
    assert.ok(flushBytes < size, 'fewer bytes than the whole photo the second time');
    console.log(`photo ${size} B; first run sent ${firstBytes} B before SIGKILL; server had ${serverOffset} B; ` +
      `flush sent ${flushBytes} B (HEAD + ${size - serverOffset} B of PATCH + POST)`);

    // Exactly one ticket, carrying the photo once, and the photo is whole.
    const all = await call(`${server.base}requests.json`);
    assert.equal(all.body.length, 1, 'one ticket on the server');
    const t = await call(`${server.base}requests/${id}.json`);
    assert.equal(t.status, 200);
    const url = t.body[0].media_url;
    assert.ok(url && url.includes('/uploads/'), `the ticket's media_url names the upload (${url})`);
    const got = await fetch(url);
    assert.equal(got.status, 200);
    assert.equal((await got.arrayBuffer()).byteLength, size, 'the server holds the whole photo');
    assert.deepEqual(readdirSync(path.join(dataDir, 'outbox')).filter((n) => n.endsWith('.entry')), [], 'the outbox is empty');
    assert.ok(!readdirSync(path.join(dataDir, 'outbox', 'media')).includes(entry.key), 'its media went with it');
  } finally {
    await slow.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('a file that is not a photo is refused before anything is queued', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'civic-photo-bad-'));
  try {
    const bad = path.join(work, 'notes.txt');
    execFileSync('sh', ['-c', `printf 'not a photo' > ${bad}`]);
    const r = await runCivic(['--server', 'http://127.0.0.1:9/open311/v2/', '--data-dir', path.join(work, 'data'), '--lang', 'en',
      'file', '--service', 'streetlight-out', '--description', 'x', '--photo', bad]).done;
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /civic: /);
    assert.deepEqual(readdirSync(path.join(work, 'data', 'outbox')).filter((n) => n.endsWith('.entry')), []);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

// An HTTP proxy that drops PATCH (405), as some carrier and office proxies
// do, and forwards everything else unchanged (Host included, so tus
// Locations point back through it).
function noPatchProxy(targetPort) {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.headers['x-http-method-override'] || ''}`.trim());
    if (req.method === 'PATCH') { res.writeHead(405, { Connection: 'close' }); res.end(); return; }
    const up = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ port: server.address().port, seen, close: () => new Promise((r) => server.close(r)) })));
}

test('behind a proxy that drops PATCH, chunks go as POST + X-HTTP-Method-Override', { timeout: 60_000 }, async () => {
  const server = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
  const work = mkdtempSync(path.join(tmpdir(), 'civic-photo-override-'));
  const photo = path.join(work, 'noise.jpg');
  execFileSync('convert', ['-size', '900x700', 'xc:gray', '+noise', 'Random', '-quality', '95', photo]);
  const proxy = await noPatchProxy(Number(new URL(server.origin).port));
  try {
    const r = await runCivic(['--server', `http://127.0.0.1:${proxy.port}/open311/v2/`, '--data-dir', path.join(work, 'data'),
      '--lang', 'en', '--json', 'file', '--service', 'streetlight-out', '--description', 'lamp out at the gate',
      '--lat', '22.5431', '--long', '114.0579', '--phone', '13800138000', '--attr', 'problem=out', '--attr', 'lights_out=2',
      '--photo', photo],
      { CIVIC_TUS_PATCH_AS_POST: '1' }).done;
    assert.equal(r.code, 0, r.err);
    const id = JSON.parse(r.out).service_request_id;
    assert.ok(proxy.seen.includes('POST PATCH'), `chunks went as POST + override: ${proxy.seen.join(', ')}`);
    assert.ok(!proxy.seen.some((s) => s.startsWith('PATCH')), 'no PATCH reached the proxy');
    const t = await call(`${server.base}requests/${id}.json`);
    const got = await fetch(t.body[0].media_url);
    assert.equal(got.status, 200, 'the photo is whole on the server');
  } finally {
    await proxy.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
