// tests/server/nearby.test.mjs — the Civic "nearby" extension of
// GET requests.json (lat, long, radius; status=open): announced in the
// capabilities document, radius edges and cap, bad coordinates as 400 with a
// GeoReport error body, and query text that tries to be SQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, call, form, goodFields } from './harness.mjs';

let srv;
let staffToken;
const ids = {};
// Metres per degree of latitude on the sphere the server measures with.
const M = 111194.93;
const LAT = 22.5431, LON = 114.0579;

async function file(name, lat, lon) {
  const fields = goodFields().filter(([k]) => k !== 'lat' && k !== 'long');
  fields.push(['lat', lat.toFixed(6)], ['long', lon.toFixed(6)]);
  const r = await call(`${srv.base}requests.json`, form(fields));
  assert.equal(r.status, 201, r.text);
  ids[name] = r.body[0].service_request_id;
}

before(async () => {
  srv = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
  staffToken = readFileSync(path.join(srv.dir, 'staff-token'), 'utf8').trim();
  await file('here', LAT, LON);
  await file('north150', LAT + 150 / M, LON);
  await file('north199', LAT + 199 / M, LON);
  await file('north201', LAT + 201 / M, LON);
  await file('north1500', LAT + 1500 / M, LON);
  await file('north2500', LAT + 2500 / M, LON);
  await file('closed', LAT, LON);
  const init = form([['status', 'resolved'], ['note', '已修复']]);
  init.headers.Authorization = `Bearer ${staffToken}`;
  const moved = await call(`${srv.base}civic/staff/requests/${ids.closed}.json`, init);
  assert.equal(moved.status, 200, moved.text);
});
after(async () => { await srv?.stop(); });

function near(query) {
  return call(`${srv.base}requests.json?service_code=streetlight-out&status=open&${query}`,
              { headers: { 'Accept-Language': 'en' } });
}

test('the capabilities document announces nearby with its radius limits', async () => {
  const r = await call(`${srv.base}civic/capabilities.json`);
  assert.equal(r.status, 200);
  const n = r.body.extensions.nearby;
  assert.deepEqual(n.parameters, ['lat', 'long', 'radius']);
  assert.equal(n.default_radius, 200);
  assert.equal(n.max_radius, 2000);
  assert.equal(n.url, `${srv.base}requests.json`);
});

test('radius edges: inside, on the far side of the edge, default and cap', async (t) => {
  const rows = [
    { name: 'radius 1: only the point itself', q: `lat=${LAT}&long=${LON}&radius=1`, want: ['here'] },
    { name: '200 m takes 199 m, not 201 m', q: `lat=${LAT}&long=${LON}&radius=200`, want: ['here', 'north150', 'north199'] },
    { name: 'no radius: the default 200 m', q: `lat=${LAT}&long=${LON}`, want: ['here', 'north150', 'north199'] },
    { name: '202 m takes 201 m', q: `lat=${LAT}&long=${LON}&radius=202`, want: ['here', 'north150', 'north199', 'north201'] },
    { name: 'a huge radius is capped at 2000 m', q: `lat=${LAT}&long=${LON}&radius=999999999`,
      want: ['here', 'north150', 'north199', 'north201', 'north1500'] },
    { name: 'far away: nothing', q: 'lat=39.9&long=116.4&radius=2000', want: [] },
    { name: 'the same point from the north edge', q: `lat=${(LAT + 2500 / M).toFixed(6)}&long=${LON}&radius=1000`,
      want: ['north1500', 'north2500'] },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await near(row.q);
      assert.equal(r.status, 200, r.text);
      const got = r.body.map((x) => x.service_request_id).sort();
      assert.deepEqual(got, row.want.map((k) => ids[k]).sort());
      for (const x of r.body) assert.equal(x.status, 'open');
    });
  }
});

test('status=open leaves out a resolved concern at the same point', async () => {
  const all = await call(`${srv.base}requests.json?service_code=streetlight-out&lat=${LAT}&long=${LON}&radius=1`);
  assert.deepEqual(all.body.map((x) => x.service_request_id).sort(), [ids.here, ids.closed].sort());
  const open = await near(`lat=${LAT}&long=${LON}&radius=1`);
  assert.deepEqual(open.body.map((x) => x.service_request_id), [ids.here]);
});

test('bad coordinates and radii are 400 with a GeoReport error body', async (t) => {
  const rows = [
    { name: 'latitude beyond 90', q: 'lat=91&long=114', id: 'server.bad_lat_long' },
    { name: 'longitude beyond 180', q: 'lat=22&long=181', id: 'server.bad_lat_long' },
    { name: 'latitude without longitude', q: 'lat=22.5', id: 'server.bad_lat_long' },
    { name: 'radius without a point', q: 'radius=100', id: 'server.bad_lat_long' },
    { name: 'an exponent', q: 'lat=2.2e1&long=114', id: 'server.bad_lat_long' },
    { name: 'not a number', q: 'lat=north&long=east', id: 'server.bad_lat_long' },
    { name: 'NaN', q: 'lat=NaN&long=114', id: 'server.bad_lat_long' },
    { name: 'radius 0', q: `lat=${LAT}&long=${LON}&radius=0`, id: 'server.bad_radius' },
    { name: 'negative radius', q: `lat=${LAT}&long=${LON}&radius=-5`, id: 'server.bad_radius' },
    { name: 'fractional radius', q: `lat=${LAT}&long=${LON}&radius=1.5`, id: 'server.bad_radius' },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await near(row.q);
      assert.equal(r.status, 400, r.text);
      assert.ok(Array.isArray(r.body) && r.body.length === 1, r.text);
      assert.equal(r.body[0].code, 400);
      assert.equal(typeof r.body[0].description, 'string');
      assert.ok(r.body[0].description.length > 0);
    });
  }
});

test('SQL metacharacters in the query are refused or matched as text, never run', async (t) => {
  const rows = [
    { name: 'quote in lat', q: `lat=${encodeURIComponent("22.5' OR '1'='1")}&long=114`, status: 400 },
    { name: 'statement in radius', q: `lat=${LAT}&long=${LON}&radius=${encodeURIComponent('1; DROP TABLE requests;--')}`, status: 400 },
    { name: 'comment in long', q: `lat=${LAT}&long=${encodeURIComponent('114.0579--')}`, status: 400 },
    { name: 'quote in service_code', q: `lat=${LAT}&long=${LON}&service_code=${encodeURIComponent("x' OR 1=1 --")}`, status: 200, empty: true },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const url = row.name.includes('service_code')
        ? `${srv.base}requests.json?${row.q}` : `${srv.base}requests.json?service_code=streetlight-out&${row.q}`;
      const r = await call(url);
      assert.equal(r.status, row.status, r.text);
      if (row.empty) assert.deepEqual(r.body, []);
    });
  }
  // Everything is still there.
  const all = await near(`lat=${LAT}&long=${LON}&radius=2000`);
  assert.equal(all.body.length, 5);
});
