// tests/web/place.test.mjs — finding the service and saying where, in the
// real page (phone viewport) against a real civic-server: a search in English
// on a Chinese screen and in Chinese on an English one, a suggestion from the
// described concern, the browser's position refused (the reason in the
// resident's language, nothing entered lost) then granted (Playwright's
// setGeolocation) and checked in the filed concern on the server, and
// "already reported nearby" → follow it instead → it is under my concerns.
// Driven through the accessible DOM layer (real <button>/<input> elements).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone, serverGroups } from './harness.mjs';
import { byId, waitNode, nodes, settled } from './steps.mjs';

// Two places more than 2 km apart (the server's largest radius), so one
// test's concern is never "nearby" in the other.
const HERE = { latitude: 22.5431, longitude: 114.0579 };
const THERE = { latitude: 22.6021, longitude: 114.1187 };
let server;

before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

const el = (page, id) => page.locator(`[data-id="${id}"]`);
async function press(page, id) {
  await byId(page, id);
  await el(page, id).dispatchEvent('click');
}
async function type(page, id, text) {
  await byId(page, id);
  await el(page, id).fill(text);
  await waitNode(page, (n) => n.id === id && n.value === text, `${id} holds ${text}`);
}
// Back, one screen at a time, until `id` is drawn: two quick taps on the
// same top-bar id can land in one frame and count once.
async function backTo(page, id) {
  for (let i = 0; i < 4 && !(await nodes(page)).some((n) => n.id === id); i++) {
    await press(page, 'back');
    await settled(page);
  }
  return byId(page, id);
}
const holds = (page, id, value) => waitNode(page, (n) => n.id === id && n.value === value, `${id} = ${value}`);
async function home(page) {
  const zh = await serverGroups(server.api, 'zh-CN');
  await page.goto(server.base);
  await page.getByRole('button', { name: zh[0], exact: true }).waitFor({ state: 'attached' });
}
async function allowPosition(context, where) {
  await context.grantPermissions(['geolocation'], { origin: server.base.replace(/\/$/, '') });
  await context.setGeolocation({ ...where, accuracy: 10 });
}
const DESCRIPTION = '东门的路灯连续三晚不亮';
// The streetlight form from a suggestion, filled except for where and who.
async function streetlightForm(page) {
  await type(page, 'concern', DESCRIPTION);
  await press(page, 'suggest/streetlight-out');
  await holds(page, 'field/description', DESCRIPTION);
  await press(page, 'field/attribute[problem]/out');
  await type(page, 'field/attribute[lights_out]', '1');
}

test('search in either language opens the right service; a suggestion from the description', async () => {
  const phone = await openPhone({ locale: 'zh-CN' });
  try {
    const { page } = phone;
    await home(page);
    // English words on the Chinese screen find the Chinese service.
    await type(page, 'search', 'street light');
    await page.getByRole('button', { name: '路灯不亮', exact: true }).waitFor({ state: 'attached' });
    await press(page, 'search/streetlight-out');
    await waitNode(page, (n) => n.id === 'heading' && n.name === '路灯不亮', 'the streetlight form');
    await byId(page, 'field/attribute[lights_out]');
    await press(page, 'back');
    // Chinese words on the English screen.
    await press(page, 'lang');
    await waitNode(page, (n) => n.id === 'search' && n.name === 'Search services', 'the English home');
    await type(page, 'search', '电梯');
    await page.getByRole('button', { name: 'Lift out of order', exact: true }).waitFor({ state: 'attached' });
    await press(page, 'search/elevator-fault');
    await waitNode(page, (n) => n.id === 'heading' && n.name === 'Lift out of order', 'the lift form');
    await press(page, 'back');
    await press(page, 'lang');
    // A suggestion from the words of the described concern; they become its description.
    await type(page, 'search', '');
    await type(page, 'concern', '楼上邻居天天装修，噪音很大');
    await press(page, 'suggest/noise-neighbour');
    await waitNode(page, (n) => n.id === 'heading' && n.name === '邻里噪音', 'the neighbour noise form');
    await holds(page, 'field/description', '楼上邻居天天装修，噪音很大');
    assert.deepEqual(phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test('a refused position is explained and loses nothing; a granted one is filed', async () => {
  const phone = await openPhone({ locale: 'zh-CN' });
  try {
    const { page, context } = phone;
    await home(page);
    await streetlightForm(page);
    await type(page, 'field/location', '科技园南区东门');
    // No permission: the reason, in Chinese, under the location field.
    await press(page, 'place/locate');
    const alert = await byId(page, 'place/error');
    assert.match(alert.name, /允许/);
    await holds(page, 'field/description', DESCRIPTION);
    await holds(page, 'field/attribute[lights_out]', '1');
    await holds(page, 'field/location', '科技园南区东门');
    // The reason follows the language; the values stay.
    await press(page, 'lang');
    await waitNode(page, (n) => n.id === 'place/error' && /not allowed/.test(n.name), 'the English reason');
    await holds(page, 'field/description', DESCRIPTION);
    await press(page, 'lang');
    await waitNode(page, (n) => n.id === 'place/error' && /允许/.test(n.name), 'the Chinese reason again');

    // Allowed: the point is found, the typed address stays beside it.
    await allowPosition(context, HERE);
    await press(page, 'place/locate');
    await waitNode(page, (n) => n.id === 'place/point' && n.name.includes('22.543100, 114.057900'), 'the point');
    assert.ok(!(await page.evaluate(() => window.civic.nodes())).some((n) => n.id === 'place/error'));
    await holds(page, 'field/location', '科技园南区东门');
    await press(page, 'field/anonymous');
    await press(page, 'review');
    await press(page, 'submit');
    const number = (await byId(page, 'ticket/number')).name;
    assert.match(number, /^\d{4}-\d{6}$/);
    // The server has the browser's position (GeoReport lat/long) and the address.
    const r = await fetch(`${server.api}requests/${number}.json`);
    assert.equal(r.status, 200);
    const [filed] = await r.json();
    assert.equal(filed.lat, HERE.latitude);
    assert.equal(filed.long, HERE.longitude);
    assert.equal(filed.address, '科技园南区东门');
    assert.equal(filed.description, DESCRIPTION);
    assert.deepEqual(phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test('already reported nearby: follow it instead, and it is under my concerns; the draft stays', async () => {
  // Someone reported the same light 60 m away.
  const body = new URLSearchParams([
    ['service_code', 'streetlight-out'], ['description', '东门口路灯坏了好几天'],
    ['lat', (THERE.latitude + 60 / 111195).toFixed(6)], ['long', String(THERE.longitude)],
    ['phone', '13800138000'], ['attribute[problem]', 'out'], ['attribute[lights_out]', '1'],
  ]);
  const filed = await fetch(`${server.api}requests.json`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body,
  });
  assert.equal(filed.status, 201, await filed.clone().text());
  const id = (await filed.json())[0].service_request_id;

  const phone = await openPhone({ locale: 'zh-CN' });
  try {
    const { page, context } = phone;
    await allowPosition(context, THERE);
    await home(page);
    await streetlightForm(page);
    await press(page, 'place/locate');
    await byId(page, 'place/point');
    await press(page, 'field/anonymous');
    await press(page, 'review');
    await page.getByRole('heading', { name: '附近已有人反映过类似问题' }).waitFor({ state: 'attached' });
    const card = await byId(page, `nearby/${id}`);
    assert.match(card.name + card.value, /路灯不亮/);
    await press(page, `nearby/${id}/follow`);
    await waitNode(page, (n) => n.id === `nearby/${id}` && n.value === '已关注', 'followed on the card');
    await page.getByRole('status').filter({ hasText: id }).first().waitFor({ state: 'attached' });
    // Under my concerns, marked as followed; the draft waits on the home screen.
    await backTo(page, 'my_concerns');
    await press(page, 'my_concerns');
    await press(page, `ticket/${id}`);
    await waitNode(page, (n) => n.id === 'ticket/followed' && n.name === '已关注', 'followed on its ticket');
    await backTo(page, 'draft/resume');
    await press(page, 'draft/resume');
    await holds(page, 'field/description', DESCRIPTION);
    // Its place was checked once: the review page follows at once now.
    await press(page, 'review');
    await byId(page, 'submit');
    assert.deepEqual(phone.problems(), []);
  } finally {
    await phone.close();
  }
});
