// tests/kiosk/session_flow.mjs — steps the session, receipt and soak runs
// share: file a concern through the semantic nodes, and look for a
// resident's words anywhere under a directory (UTF-8, UTF-16LE, UTF-16BE).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Opens the home card of the group holding `code` (groups are server-ordered).
export async function openServiceGroup(k, code) {
  for (let i = 0; ; i++) {
    const r = await k.send(`tap group/${i}`);
    assert.ok(r.ok, `no group holds ${code}`);
    assert.ok((await k.send('wait back')).ok);
    if ((await k.nodes()).some((n) => n.id === `service/${code}`)) return;
    assert.ok((await k.send('tap back')).ok);
    assert.ok((await k.send('wait group/0')).ok);
  }
}

// Fills the street-light form (the location comes from the hall when
// hallLocation is set) and submits; resolves with the ticket number node
// (with noTicket: right after the submit tap, for a refusal).
export async function fileConcern(k, { description, phone, typeLocation = false, beforeSubmit, noTicket = false }) {
  await openServiceGroup(k, 'streetlight-out');
  assert.ok((await k.send('tap service/streetlight-out')).ok);
  assert.ok((await k.send('wait field/description')).ok);
  assert.ok((await k.send('wait-idle')).ok);
  const lines = [
    `type field/description ${description}`,
    'tap field/attribute[problem]/out',
    'type field/attribute[lights_out] 2',
    `type field/phone ${phone}`,
  ];
  if (typeLocation) lines.push('type field/location 1 Keji Road, Nanshan');
  for (const line of lines) {
    const r = await k.send(line);
    assert.ok(r.ok, `${line}: ${r.error}`);
  }
  if (beforeSubmit) await beforeSubmit();
  assert.ok((await k.send('tap review')).ok);
  const r = await k.send('wait submit');
  assert.ok(r.ok, JSON.stringify(await k.nodes()));
  assert.ok((await k.send('tap submit')).ok);
  if (noTicket) return null;
  assert.ok((await k.send('wait ticket/number 30000')).ok);
  return (await k.nodes()).find((n) => n.id === 'ticket/number');
}

// Every file under dir whose bytes hold one of the words in UTF-8 or UTF-16.
export function filesHolding(dir, words) {
  const needles = [];
  for (const w of words) {
    const le = Buffer.from(w, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    needles.push(Buffer.from(w, 'utf8'), le, be);
  }
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        const bytes = readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) found.push(p);
      }
    }
  };
  walk(dir);
  return found;
}

export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}
