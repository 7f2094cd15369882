// tests/server/transport.test.mjs — civic-server's HTTP/1.1 transport over raw
// loopback sockets (fetch hides framing): keep-alive, pipelining,
// Expect: 100-continue, chunked bodies, the 413 cap, refused framing
// (request smuggling), a client too slow to send its head, and a graceful
// stop that finishes the request in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { rmSync } from 'node:fs';
import { startServer, goodFields } from './harness.mjs';

function connect(srv) {
  const u = new URL(srv.origin);
  const sock = net.connect(Number(u.port), u.hostname);
  sock.setNoDelay(true);
  let buf = Buffer.alloc(0);
  let closed = false;
  const waiters = [];
  const wake = () => { for (const w of waiters.splice(0)) w(); };
  sock.on('data', (d) => { buf = Buffer.concat([buf, d]); wake(); });
  sock.on('close', () => { closed = true; wake(); });
  sock.on('error', () => {});
  const more = () => new Promise((r) => waiters.push(r));
  return {
    sock,
    write: (s) => sock.write(s),
    get closed() { return closed; },
    // The next complete response (status, headers, body); null once closed.
    async response() {
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end >= 0) {
          const head = buf.subarray(0, end).toString('latin1').split('\r\n');
          const status = Number(head[0].split(' ')[1]);
          const headers = {};
          for (const line of head.slice(1)) {
            const i = line.indexOf(':');
            headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
          }
          const len = status === 100 || status === 204 ? 0 : Number(headers['content-length'] ?? 0);
          if (buf.length >= end + 4 + len) {
            const body = buf.subarray(end + 4, end + 4 + len).toString('utf8');
            buf = buf.subarray(end + 4 + len);
            return { status, headers, body, json: body.startsWith('[') || body.startsWith('{') ? JSON.parse(body) : null };
          }
        }
        if (closed) return null;
        await more();
      }
    },
    async untilClosed() { while (!closed) await more(); },
  };
}

const formBody = () => new URLSearchParams(goodFields()).toString();
const post = (body, extra = '') =>
  `POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n${extra}` +
  `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const get = (path, extra = '') => `GET ${path} HTTP/1.1\r\nHost: t\r\n${extra}\r\n`;

test('keep-alive, pipelining, 100-continue and chunked bodies on one connection', async (t) => {
  const srv = await startServer({ args: ['--rate-limit', '0'] });
  try {
    await t.test('two requests one after the other share the socket', async () => {
      const c = connect(srv);
      c.write(get('/open311/v2/services.json'));
      assert.equal((await c.response()).status, 200);
      c.write(get('/open311/v2/discovery.json'));
      const second = await c.response();
      assert.equal(second.status, 200);
      assert.equal(c.closed, false);
      c.sock.end();
    });
    await t.test('pipelined requests are answered in order', async () => {
      const c = connect(srv);
      c.write(get('/open311/v2/services.json') + post(formBody()) + get('/open311/v2/nothing.json') +
        get('/open311/v2/discovery.json', 'Connection: close\r\n'));
      const statuses = [];
      for (let r = await c.response(); r; r = await c.response()) statuses.push(r.status);
      assert.deepEqual(statuses, [200, 201, 404, 200]);
    });
    await t.test('Expect: 100-continue gets 100 before the body is sent', async () => {
      const c = connect(srv);
      const body = formBody();
      c.write(post('', 'Expect: 100-continue\r\n').replace('Content-Length: 0', `Content-Length: ${Buffer.byteLength(body)}`));
      assert.equal((await c.response()).status, 100);
      c.write(body);
      const r = await c.response();
      assert.equal(r.status, 201);
      assert.match(r.json[0].service_request_id, /^\d{4}-\d{6}$/);
      c.sock.end();
    });
    await t.test('a chunked body is read like a sized one', async () => {
      const c = connect(srv);
      const body = Buffer.from(formBody());
      const half = Math.floor(body.length / 2);
      const chunk = (b) => `${b.length.toString(16)}\r\n${b.toString('latin1')}\r\n`;
      c.write('POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n');
      c.sock.write(Buffer.from(chunk(body.subarray(0, half)), 'latin1'));
      c.sock.write(Buffer.from(chunk(body.subarray(half)) + '0\r\n\r\n', 'latin1'));
      assert.equal((await c.response()).status, 201);
      c.sock.end();
    });
  } finally {
    await srv.stop();
  }
});

test('refused framing: a GeoReport error, then the connection closes', async (t) => {
  const srv = await startServer({ args: ['--max-body', '4096'] });
  try {
    const rows = [
      { name: 'Content-Length above --max-body is 413 before the body is read', status: 413, id: 'server.body_too_large',
        bytes: `POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\n\r\n${'a'.repeat(65536)}` },
      { name: 'chunks summing above --max-body are 413', status: 413, id: 'server.body_too_large',
        bytes: `POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n${'a'.repeat(4096)}\r\n1\r\n` },
      { name: 'Content-Length with Transfer-Encoding (smuggling) is 400', status: 400, id: 'server.bad_http',
        bytes: 'POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' },
      { name: 'two Content-Length fields are 400', status: 400, id: 'server.bad_http',
        bytes: 'POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx' },
      { name: 'a bad chunk size is 400', status: 400, id: 'server.bad_http',
        bytes: 'POST /open311/v2/requests.json HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n' },
      { name: 'a header section above 16 KiB is 431', status: 431, id: 'server.headers_too_large',
        bytes: `GET / HTTP/1.1\r\nHost: t\r\nX-Pad: ${'p'.repeat(20000)}\r\n\r\n` },
      { name: 'HTTP/2.0 in the request line is 505', status: 505, id: 'server.not_implemented',
        bytes: 'GET / HTTP/2.0\r\nHost: t\r\n\r\n' },
    ];
    for (const row of rows) {
      await t.test(row.name, async () => {
        const c = connect(srv);
        c.write(row.bytes + get('/open311/v2/services.json'));  // the trailing request must never be answered
        const r = await c.response();
        assert.equal(r.status, row.status);
        assert.equal(r.headers.connection, 'close');
        assert.equal(r.json[0].message_id, row.id);
        assert.equal(r.headers['x-content-type-options'], 'nosniff');
        c.sock.end();
        assert.equal(await c.response(), null);
      });
    }
    await t.test('nothing refused was written', async () => {
      const r = await fetch(`${srv.base}requests.json?start_date=2000-01-01`);
      assert.deepEqual(await r.json(), []);
    });
  } finally {
    await srv.stop();
  }
});

test('a client that never finishes its head gets 408 while others are served', async () => {
  const srv = await startServer();
  try {
    const slow = connect(srv);
    slow.write('GET /open311/v2/services.json HTTP/1.1\r\nHost: t\r\n');  // ...and never the blank line
    const fast = await fetch(`${srv.base}services.json`);
    assert.equal(fast.status, 200);
    const r = await slow.response();
    assert.equal(r.status, 408);
    assert.equal(r.json[0].message_id, 'server.request_timeout');
    await slow.untilClosed();
  } finally {
    await srv.stop();
  }
});

test('SIGTERM: idle connections close, the request being received is finished, then a clean exit', async () => {
  const srv = await startServer({ args: ['--rate-limit', '0'] });
  const idle = connect(srv);
  idle.write(get('/open311/v2/services.json'));
  assert.equal((await idle.response()).status, 200);
  const busy = connect(srv);
  const body = formBody();
  // Expect: 100-continue proves the server holds the head before the stop comes.
  busy.write(post('', 'Expect: 100-continue\r\n').replace('Content-Length: 0', `Content-Length: ${Buffer.byteLength(body)}`));
  assert.equal((await busy.response()).status, 100);
  const exited = srv.stop({ keep: true });
  await idle.untilClosed();
  busy.write(body);
  const r = await busy.response();
  assert.equal(r.status, 201);
  assert.equal(r.headers.connection, 'close');
  assert.deepEqual(await exited, { code: 0, signal: null });
  const again = await startServer({ dir: srv.dir });
  try {
    const t = await fetch(`${again.base}requests/${r.json[0].service_request_id}.json`);
    assert.equal(t.status, 200, 'the answered ticket is in the database');
  } finally {
    await again.stop();
    rmSync(srv.dir, { recursive: true, force: true });
  }
});
