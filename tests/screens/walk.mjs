// tests/screens/walk.mjs — every screen a resident meets, as one table of
// steps shared by the phone (tests/web/screenshots.test.mjs, headless
// Chromium) and the kiosk (tests/kiosk/screenshots.test.mjs, xvfb): each row
// brings the app to a screen through semantic ids, then the walk saves it as
// build/screenshots/<form factor>-<shot>-<lang>.png in zh-CN and in en
// (language switched on that very screen, nothing re-entered). The native
// layout checks walk the same screens (tests/ui/screen_walk.hpp).
//
// A new screen is a new row: { shot, only?, oneLanguage?, run(d), redo?(d) }.
//   run(d)  async; d is the driver (below); the app is where the last row left it
//   redo(d) the screen again after the language switch, when the switch
//           itself leaves it (the kiosk's "still there?" prompt)
//   only    'kiosk' or 'phone'
//   oneLanguage  a variant (high contrast, text size): the current language only
// The driver: tap(id), type(id, text), wait(id), waitText(text), idle(),
// scroll(id), drag(id, fx0, fy0, fx1, fy1) (kiosk: a finger over a node, in
// fractions of its rectangle), node(id), ticket() (the ticket number on screen), staff(status,
// note) (the reference server's staff CLI), offline() / online(), catchUp(
// text) (until the ticket screen shows text: the phone's event stream, the
// kiosk's polls with its clock advanced), advance(ms) (kiosk clock).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The service every row files (the seeded catalogue's "street light out").
export const SERVICE = 'streetlight-out';
const GROUP_ZH = '道路与路灯';

// Runs the reference server's staff CLI against `server` ({ api, dir }).
export async function staffUpdate(bin, server, id, status, note) {
  const token = readFileSync(path.join(server.dir, 'staff-token'), 'utf8').trim();
  const args = ['staff', '--server', server.api, '--token', token, 'update', id, '--status', status];
  if (note) args.push('--note', note);
  await run(path.join(bin, 'civic-server'), args, { env: { ...process.env, CIVIC_LANG: 'en' } });
}

async function openForm(d) {
  const home = await d.nodes();
  const group = home.find((n) => n.id.startsWith('group/') && (n.name === GROUP_ZH || n.name === 'Roads and street lights'));
  assert.ok(group, 'the street-light group is on the home screen');
  await d.tap(group.id);
  await d.tap(`service/${SERVICE}`);
  await d.wait('field/description');
  await d.idle();
}

async function fill(d, { description }) {
  await d.type('field/description', description);
  await d.tap('field/attribute[problem]/out');
  await d.type('field/attribute[lights_out]', '3');
  await d.type('field/location', '南山区科技园路 1 号东门');
  await d.type('field/phone', '13800138000');
}

async function toHome(d) {
  for (let i = 0; i < 5 && (await d.node('back')); i++) {
    await d.tap('back');
    await d.idle();
  }
}

// Settings on the home screen, by state (a toggle flips whatever it is).
async function setting(d, id, on) {
  await d.wait(id);
  if ((await d.node(id)).checked !== on) await d.tap(id);
  await d.idle();
}

async function fileAndFollow(d, description) {
  await openForm(d);
  await fill(d, { description });
  await d.tap('review');
  await d.tap('submit');
  await d.wait('ticket/number');
  const id = await d.ticket();
  await d.tap('follow');
  await d.wait('ticket/status');
  return id;
}

export const rows = [
  { shot: 'home', run: async (d) => { await d.wait('group/0'); await d.idle(); } },
  { shot: 'settings', run: async (d) => { await d.scroll('settings/high_contrast'); } },
  { shot: 'home-high-contrast', oneLanguage: true, run: async (d) => { await setting(d, 'settings/high_contrast', true); await d.scroll('group/0'); } },
  { shot: 'form-high-contrast', oneLanguage: true, run: async (d) => { await openForm(d); } },
  { shot: 'home-other-text-size', oneLanguage: true, // large text on the phone; normal text on the kiosk (large by default)
    run: async (d) => {
      await toHome(d);
      await setting(d, 'settings/high_contrast', false);
      await setting(d, 'settings/large_text', d.kind === 'phone');
      await d.scroll('group/0');
    } },
  { shot: 'form-other-text-size', oneLanguage: true, run: async (d) => { await openForm(d); } },
  { shot: 'group',
    run: async (d) => {
      await toHome(d);
      await setting(d, 'settings/large_text', d.kind === 'kiosk');
      await d.scroll('group/0');
      const group = (await d.nodes()).find((n) => n.id.startsWith('group/') && (n.name === GROUP_ZH || n.name === 'Roads and street lights'));
      await d.tap(group.id);
      await d.wait(`service/${SERVICE}`);
    } },
  { shot: 'form', run: async (d) => { await d.tap(`service/${SERVICE}`); await d.wait('field/description'); await d.idle(); } },
  // The photo editor (kiosk: the document camera's folder holds a photo;
  // the phone has no scripted file picker yet): the thumbnail, the preview,
  // a turn, crop mode with the part kept outlined, an area hidden.
  { shot: 'form-photo', only: 'kiosk',
    run: async (d) => {
      await d.tap('photo/add');
      await d.wait('photo/1/thumb');
      await d.scroll('photo/1/thumb');
    } },
  { shot: 'photo-editor', only: 'kiosk', run: async (d) => { await d.tap('photo/1/edit'); await d.wait('photo/preview'); } },
  { shot: 'photo-rotated', only: 'kiosk', run: async (d) => { await d.tap('photo/rotate_right'); await d.waitText('90°'); } },
  { shot: 'photo-crop', only: 'kiosk',
    run: async (d) => {
      await d.tap('photo/mode_crop');
      await d.drag('photo/preview', 0.15, 0.1, 0.85, 0.8);
    } },
  { shot: 'photo-redacted', only: 'kiosk',
    run: async (d) => {
      await d.tap('photo/mode_crop');
      await d.drag('photo/preview', 0.3, 0.3, 0.6, 0.55);
      await d.waitText(d.lang() === 'en' ? '1 areas hidden' : '已遮挡 1 处');
    } },
  { shot: 'keyboard-pinyin', only: 'kiosk',
    run: async (d) => {
      // Back from the editor with the edit applied; the photo is not sent
      // (the rest of the walk files the same concern on both form factors).
      if (await d.node('photo/apply')) {
        await d.tap('photo/apply');
        await d.wait('photo/1/thumb');
        await d.tap('photo/1/remove');
      }
      await d.tap('field/description');
      if (await d.node('key/mode/pinyin')) await d.tap('key/mode/pinyin');
      for (const k of 'ludeng') await d.tap(`key/${k}`);
      await d.wait('cand/0');
    } },
  { shot: 'form-errors',
    run: async (d) => {
      if (await d.node('key/hide')) await d.tap('key/hide');
      await d.type('field/description', '太暗');
      await d.tap('review');
      await d.wait('form/errors');
      await d.scroll('form/errors');
    } },
  { shot: 'draft',   // home with the form kept: continue or discard
    run: async (d) => {
      if (await d.node('key/hide')) await d.tap('key/hide');
      await toHome(d);
      await d.wait('draft/resume');
    } },
  { shot: 'review',
    run: async (d) => {
      if (await d.node('draft/resume')) {
        await d.tap('draft/resume');
        await d.wait('field/description');
      }
      await fill(d, { description: '小区东门三盏路灯连续三晚不亮，夜间行人看不清路' });
      await d.tap('review');
      await d.wait('submit');
    } },
  { shot: 'receipt-queued',   // filed with no network: kept, "waiting for network"
    run: async (d) => {
      await d.offline();
      await d.tap('submit');
      await d.wait('ticket/queued');
      await d.waitText(d.lang() === 'en' ? 'Waiting for network' : '等待网络');
    } },
  { shot: 'receipt',
    run: async (d) => {
      await d.online();
      // The phone sends on its own when the network is back; the kiosk's
      // next try may be a while away: press Retry if it is still offered.
      if (await d.node('retry')) await d.tap('retry').catch(() => {});
      await d.wait('ticket/number');
      await d.idle();
    } },
  { shot: 'ticket-timeline',   // accepted, assigned, in progress; the SLA deadline and on-time state
    run: async (d) => {
      const id = await d.ticket();
      await d.tap('follow');
      await d.wait('ticket/status');
      await d.staff(id, 'accepted');
      await d.staff(id, 'in_progress', '已派维修班组，预计明天上午到场');
      await d.catchUp('已派维修班组');
    } },
  { shot: 'ticket-resolved',   // rate it or reopen it
    run: async (d) => {
      await d.staff(await d.ticket(), 'resolved', '已更换三盏路灯的灯泡并检查线路');
      await d.catchUp('已更换三盏路灯');
      await d.wait('rate/1');
      await d.scroll('rate/1');
    } },
  { shot: 'ticket-rating-comment',
    run: async (d) => {
      await d.type('rate/comment', '修得很快，但维修后包装材料留在了人行道上');
      await d.scroll('rate/comment');
    } },
  { shot: 'ticket-rated', run: async (d) => { await d.tap('rate/4'); await d.wait('rated'); await d.scroll('rated'); } },
  { shot: 'tickets',
    run: async (d) => {
      await toHome(d);
      await d.wait('my_concerns');
      await d.tap('my_concerns');
      await d.waitText('2026-');
      await d.idle();
    } },
  { shot: 'ticket-reopened',
    run: async (d) => {
      await toHome(d);
      const id = await fileAndFollow(d, '井盖旁的路灯灯杆倾斜，晚上不亮');
      await d.staff(id, 'accepted');
      await d.staff(id, 'resolved', '已扶正灯杆并恢复照明');
      await d.catchUp('已扶正灯杆');
      await d.wait('reopen');
      await d.tap('reopen');
      await d.wait('reopened');
      await d.scroll('reopened');
    } },
  { shot: 'session-warning', only: 'kiosk',   // "still there?" before a resident's entries are wiped
    run: async (d) => { await d.advance(105000); await d.wait('session/still_there'); },
    redo: async (d) => { await d.advance(105000); await d.wait('session/still_there'); } },
];

// The review page of a filled form, without screenshots: where a walk
// split in two (to stay short) starts its second half.
export async function toReview(d) {
  await d.wait('group/0');
  await openForm(d);
  await fill(d, { description: '小区东门三盏路灯连续三晚不亮，夜间行人看不清路' });
  await d.tap('review');
  await d.wait('submit');
}

// Walks the rows from `from` to `to` (shot names, both included; default:
// all) for one form factor; `d.shoot(name)` saves one PNG.
export async function walk(d, { from, to } = {}) {
  const shots = [];
  const first = from ? rows.findIndex((r) => r.shot === from) : 0;
  const last = to ? rows.findIndex((r) => r.shot === to) : rows.length - 1;
  assert.ok(first >= 0 && last >= first, `no rows ${from}..${to}`);
  for (const row of rows.slice(first, last + 1)) {
    if (row.only && row.only !== d.kind) continue;
    await row.run(d);
    for (let k = 0; k < (row.oneLanguage ? 1 : 2); k++) {
      await d.idle();
      shots.push(await d.shoot(`${d.kind}-${row.shot}-${d.lang()}.png`));
      if (row.oneLanguage) break;
      await d.switchLanguage();
      if (row.redo) await row.redo(d);
    }
  }
  return shots;
}
