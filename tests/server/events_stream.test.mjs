// tests/server/events_stream.test.mjs — the Civic event stream end to end:
// the main port redirects to the epoll listener, history is replayed with
// per-ticket seq, staff changes arrive live, Last-Event-ID resumes without
// repeats, bad requests get GeoReport errors; and `civic track` prints the
// timeline, with --follow printing a staff change as it happens.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { bin, call, form, goodFields, startServer } from './harness.mjs';

let server, staffToken, ticket, streamUrl;

// A raw SSE reader: resolves frames as they arrive.
function openStream(url, headers = {}) {
  const u = new URL(url);
  const s = net.connect(Number(u.port), u.hostname);
  let buf = '';
  let head = null;
  const frames = [];
  const waiters = [];
  s.setEncoding('utf8');
  s.on('connect', () => {
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    s.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\n${extra}\r\n`);
  });
  s.on('data', (chunk) => {
    buf += chunk;
    if (head === null) {
      const i = buf.indexOf('\r\n\r\n');
      if (i < 0) return;
      head = buf.slice(0, i);
      buf = buf.slice(i + 4);
    }
    let end;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const text = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const f = { id: null, event: null, data: null };
      for (const line of text.split('\n')) {
        const c = line.indexOf(':');
        if (c === 0) continue;
        const k = line.slice(0, c), v = line.slice(c + 1).replace(/^ /, '');
        if (k === 'data') f.data = v; else f[k] = v;
      }
      if (f.event === 'ticket') frames.push({ ...f, json: JSON.parse(f.data) });
      for (const w of waiters.splice(0)) w();
    }
  });
  return {
    head: () => head,
    frames,
    async waitFor(n, ms = 10000) {
      const t0 = Date.now();
      while (frames.length < n) {
        if (Date.now() - t0 > ms) throw new Error(`only ${frames.length} of ${n} frames`);
        await new Promise((r) => { waiters.push(r); setTimeout(r, 100); });
      }
      return frames;
    },
    close: () => s.destroy(),
  };
}

async function staff(status, note) {
  const r = await call(`${server.base}civic/staff/requests/${ticket}.json`, {
    ...form([['status', status], ['note', note]]),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${staffToken}` },
  });
  assert.equal(r.status, 200, r.text);
}

before(async () => {
  server = await startServer({ args: ['--rate-limit', '0'] });
  staffToken = readFileSync(path.join(server.dir, 'staff-token'), 'utf8').trim();
  const filed = await call(`${server.base}requests.json`, form(goodFields()));
  assert.equal(filed.status, 201, filed.text);
  ticket = filed.body[0].service_request_id;
  const r = await fetch(`${server.base}civic/events?service_request_id=${ticket}`, { redirect: 'manual' });
  assert.equal(r.status, 307);
  streamUrl = r.headers.get('location');
});

after(async () => { await server.stop(); });

test('the capabilities document names the stream', async () => {
  const caps = await call(`${server.base}civic/capabilities.json`);
  assert.equal(caps.body.extensions.events.url, `${server.base}civic/events`);
});

test('history, live events and Last-Event-ID resume', async () => {
  assert.match(streamUrl, /^http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/civic\/events\?service_request_id=/);
  const a = openStream(streamUrl);
  const [first] = await a.waitFor(1);
  assert.match(a.head(), /^HTTP\/1\.1 200/);
  assert.match(a.head(), /Content-Type: text\/event-stream/i);
  assert.equal(first.json.service_request_id, ticket);
  assert.equal(first.json.seq, 1);
  assert.equal(first.json.kind, 'received');
  assert.ok(first.json.sla_deadline, 'the deadline travels with the events');
  await staff('accepted', 'on our list');
  const frames = await a.waitFor(2);
  assert.equal(frames[1].json.kind, 'accepted');
  assert.equal(frames[1].json.seq, 2);
  assert.equal(frames[1].json.note, 'on our list');
  assert.equal(frames[1].id, String(frames[1].json.event_id));
  a.close();

  await staff('in_progress', 'crew on the way');
  const b = openStream(streamUrl, { 'Last-Event-ID': frames[1].id });
  const resumed = await b.waitFor(1);
  assert.equal(resumed[0].json.seq, 3, 'only what was missed');
  assert.equal(resumed[0].json.kind, 'in_progress');
  b.close();
});

test('bad stream requests get GeoReport errors', async () => {
  const u = new URL(streamUrl);
  for (const [name, target, status] of [
    ['no ids', '/open311/v2/civic/events', 400],
    ['too many ids', `/open311/v2/civic/events?service_request_id=${Array.from({ length: 201 }, (_, i) => i).join(',')}`, 400],
    ['another path', '/etc/passwd', 404],
  ]) {
    const r = await fetch(`http://${u.host}${target}`);
    assert.equal(r.status, status, name);
    const body = await r.json();
    assert.equal(body[0].code, status, name);
  }
});

test('civic track prints the timeline; --follow prints a change as it happens', async () => {
  const args = ['--server', server.base, '--lang', 'en'];
  const shown = await new Promise((resolve) => {
    const c = spawn(path.join(bin, 'civic'), [...args, 'track', ticket]);
    let out = '';
    c.stdout.on('data', (d) => { out += d; });
    c.on('exit', (code) => resolve({ code, out }));
  });
  assert.equal(shown.code, 0);
  assert.match(shown.out, new RegExp(`^${ticket}  In progress`));
  assert.match(shown.out, /Accepted · on our list/);

  const follower = spawn(path.join(bin, 'civic'), [...args, '--json', 'track', ticket, '--follow']);
  let out = '';
  follower.stdout.on('data', (d) => { out += d; });
  const lines = async (n) => {
    for (let i = 0; i < 200 && out.split('\n').filter(Boolean).length < n; i++) await new Promise((r) => setTimeout(r, 50));
    return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  };
  assert.equal((await lines(3)).length, 3, 'history first');
  await staff('resolved', 'lamp replaced');
  const all = await lines(4);
  follower.kill('SIGINT');
  assert.equal(all[3].kind, 'resolved');
  assert.equal(all[3].note, 'lamp replaced');
});
