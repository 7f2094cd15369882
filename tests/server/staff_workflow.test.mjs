// tests/server/staff_workflow.test.mjs — the workers' side: staff tokens,
// moves through the life cycle over HTTP and from `civic-server staff`,
// department rights, the timeline and mySociety updates, rating, reopen,
// SLA fields.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startServer, call, form, goodFields, bin } from './harness.mjs';

const run = promisify(execFile);
let srv;
let staffToken;

before(async () => {
  srv = await startServer();
  staffToken = readFileSync(path.join(srv.dir, 'staff-token'), 'utf8').trim();
});
after(async () => { await srv?.stop(); });

async function file() {
  const r = await call(`${srv.base}requests.json`, form(goodFields()));
  assert.equal(r.status, 201, r.text);
  return r.body[0];
}

function staffPost(id, fields, token = staffToken) {
  const init = form(fields);
  init.headers.Authorization = `Bearer ${token}`;
  init.headers['Accept-Language'] = 'en';
  return call(`${srv.base}civic/staff/requests/${id}.json`, init);
}

async function cli(args) {
  try {
    const r = await run(path.join(bin, 'civic-server'), ['staff', ...args], { env: { ...process.env, CIVIC_LANG: 'en' } });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

test('the dev staff token file is private and works', () => {
  const st = statSync(path.join(srv.dir, 'staff-token'));
  assert.equal(st.mode & 0o777, 0o600);
  for (const k of ['receipt_ed25519.key', 'sealing_x25519.key'])
    assert.equal(statSync(path.join(srv.dir, 'keys', k)).mode & 0o777, 0o600);
  assert.match(staffToken, /^cst_[0-9a-f]{48}$/);
});

test('HTTP: accepted → in progress → resolved, with notes, then rate', async () => {
  const t = await file();
  const steps = [
    { status: 'accepted', note: '', want: 'accepted' },
    { status: 'in_progress', note: '维修队已出发', want: 'in_progress' },
    { status: 'resolved', note: '已更换灯泡', want: 'resolved' },
  ];
  for (const s of steps) {
    const fields = [['status', s.status]];
    if (s.note) fields.push(['note', s.note]);
    const r = await staffPost(t.service_request_id, fields);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body[0].status_detail, s.want);
    assert.equal(r.body[0].phone, '13800138000', 'staff see contact details');
  }
  const pub = (await call(`${srv.base}requests/${t.service_request_id}.json`)).body[0];
  assert.equal(pub.status, 'closed');
  assert.equal(pub.status_notes, '已更换灯泡');
  assert.equal(pub.sla_state, 'on_time');
  assert.ok(pub.closed_datetime);

  const events = (await call(`${srv.base}civic/requests/${t.service_request_id}/events.json`)).body;
  assert.deepEqual(events.map((e) => e.status_detail), ['submitted', 'accepted', 'in_progress', 'resolved']);
  const ids = events.map((e) => e.event_id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'event ids grow');
  const after = (await call(`${srv.base}civic/requests/${t.service_request_id}/events.json?after=${ids[1]}`)).body;
  assert.equal(after.length, 2);

  const rows = [
    { name: 'wrong token', fields: [['token', 'x'.repeat(32)], ['rating', '5']], status: 403 },
    { name: 'rating out of range', fields: [['token', t.token], ['rating', '9']], status: 400 },
    { name: 'good rating', fields: [['token', t.token], ['rating', '5'], ['comment', '很及时']], status: 200 },
    { name: 'rated twice', fields: [['token', t.token], ['rating', '4']], status: 409 },
  ];
  for (const row of rows) {
    const r = await call(`${srv.base}civic/requests/${t.service_request_id}/rating.json`, form(row.fields));
    assert.equal(r.status, row.status, `${row.name}: ${r.text}`);
  }
  assert.equal((await call(`${srv.base}requests/${t.service_request_id}.json`)).body[0].rating, 5);

  const reopened = await call(`${srv.base}civic/requests/${t.service_request_id}/reopen.json`,
    form([['token', t.token], ['reason', '灯又不亮了']]));
  assert.equal(reopened.status, 200, reopened.text);
  assert.equal(reopened.body[0].status_detail, 'reopened');
  assert.equal(reopened.body[0].status, 'open');
  assert.equal(reopened.body[0].reopen_count, 1);

  const updates = (await call(`${srv.base}servicerequestupdates.json`)).body.service_request_updates;
  const mine = updates.filter((u) => u.service_request_id === t.service_request_id).map((u) => u.status);
  assert.deepEqual(mine, ['OPEN', 'INVESTIGATING', 'IN_PROGRESS', 'FIXED', 'FIXED', 'OPEN']);
});

test('HTTP: refused moves and bad tokens', async (t) => {
  const tk = await file();
  const other = await file();
  await staffPost(other.service_request_id, [['status', 'rejected'], ['note', '不属实']]);
  const rows = [
    { name: 'no token', id: tk.service_request_id, fields: [['status', 'accepted']], token: '', status: 401 },
    { name: 'unknown token', id: tk.service_request_id, fields: [['status', 'accepted']], token: 'cst_nope', status: 401 },
    { name: 'unknown status', id: tk.service_request_id, fields: [['status', 'teleported']], status: 400 },
    { name: 'back to submitted', id: tk.service_request_id, fields: [['status', 'submitted']], status: 409 },
    { name: 'closed ticket cannot move', id: other.service_request_id, fields: [['status', 'accepted']], status: 409 },
    { name: 'unknown department', id: tk.service_request_id, fields: [['status', 'accepted'], ['department', 'mars']], status: 400 },
    { name: 'unknown ticket', id: '1999-000009', fields: [['status', 'accepted']], status: 404 },
    { name: 'unknown field', id: tk.service_request_id, fields: [['status', 'accepted'], ['priority', 'high']], status: 400 },
    { name: 'same status without note', id: tk.service_request_id, fields: [['status', 'submitted']], status: 409 },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await staffPost(row.id, row.fields, row.token ?? staffToken);
      assert.equal(r.status, row.status, r.text);
      assert.equal(r.body[0].code, row.status);
    });
  }
});

test('CLI: civic-server staff --db moves a ticket; --server with a token too', async () => {
  const t = await file();
  const a = await cli(['--db', srv.db, 'update', t.service_request_id, '--status', 'accepted']);
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, new RegExp(`Ticket ${t.service_request_id} is now: Accepted`));
  const b = await cli(['--server', srv.base, '--token', staffToken, 'update', t.service_request_id,
    '--status', 'scheduled', '--note', '明早 9 点维修']);
  assert.equal(b.code, 0, b.err);
  assert.match(b.out, /Scheduled/);
  const c = await cli(['--db', srv.db, 'update', t.service_request_id, '--status', 'resolved', '--department', 'transport']);
  assert.equal(c.code, 0, c.err);
  const pub = (await call(`${srv.base}requests/${t.service_request_id}.json`)).body[0];
  assert.equal(pub.status_detail, 'resolved');
  assert.equal(pub.department, 'transport');
  assert.equal(pub.status_notes, '明早 9 点维修');

  const bad = await cli(['--db', srv.db, 'update', t.service_request_id, '--status', 'accepted']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /cannot become/);
  const list = await cli(['--db', srv.db, 'list', '--status', 'closed', '--json']);
  assert.equal(list.code, 0, list.err);
  const closed = JSON.parse(list.out);
  assert.ok(closed.some((x) => x.service_request_id === t.service_request_id && x.phone === '13800138000'));
  assert.ok(closed.every((x) => x.status === 'closed'));
  const usage = await cli(['update']);
  assert.equal(usage.code, 2);
  const wrongToken = await cli(['--server', srv.base, '--token', 'cst_wrong', 'update', t.service_request_id, '--status', 'accepted']);
  assert.equal(wrongToken.code, 1);
  assert.match(wrongToken.err, /staff token/);
});

test('staff queue lists open tickets with SLA state', async () => {
  await file();
  const r = await call(`${srv.base}civic/staff/requests.json?status=open`, { headers: { Authorization: `Bearer ${staffToken}` } });
  assert.equal(r.status, 200);
  assert.ok(r.body.length > 0);
  for (const t of r.body) {
    assert.equal(t.status, 'open');
    assert.ok(['on_time', 'overdue'].includes(t.sla_state));
  }
});
