// tests/web/input.test.mjs — the phone's ways in, through the real page and a
// real civic-server: a finger on the canvas (tap opens, a drag scrolls and
// never opens, the page never scrolls itself) and the keyboard through the
// accessible layer (Tab to a real <button>, Enter), as a screen-reader or
// switch user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone, serverGroups, tapNode } from './harness.mjs';

let server;
let phone;
let cdp;

before(async () => {
  server = await startServer();
  phone = await openPhone({ locale: 'zh-CN' });
  cdp = await phone.context.newCDPSession(phone.page);
});

after(async () => {
  if (phone) await phone.close();
  if (server) await server.stop();
});

const nodes = () => phone.page.evaluate(() => window.civic.nodes());
const node = async (id) => (await nodes()).find((n) => n.id === id);

// Waits until the UI has settled: the same nodes for two polls in a row.
async function settled() {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const now = JSON.stringify(await nodes());
    if (now === last) return JSON.parse(now);
    last = now;
    await phone.page.waitForTimeout(150);
  }
  throw new Error('the UI never settled');
}

// One finger from (x, y0) to (x, y1) in `steps` moves, as CDP touch events.
async function drag(x, y0, y1, steps) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    const y = y0 + ((y1 - y0) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await phone.page.waitForTimeout(200);   // the finger rests: no flick
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('touch and keyboard on the home screen', async (t) => {
  const { page } = phone;
  const zh = await serverGroups(server.api, 'zh-CN');
  await page.goto(server.base);
  await page.getByRole('button', { name: zh[0], exact: true }).waitFor({ state: 'attached' });
  await settled();

  await t.test('a drag that starts on a card scrolls the list and does not open the card', async () => {
    const before = await node('group/1');
    await drag(200, before.y + before.h / 2 + 200, before.y + before.h / 2 + 50, 15);
    await settled();
    const after = await node('group/1');
    assert.ok(after, 'still on the home screen');
    assert.equal(await node('back'), undefined, 'no group was opened');
    assert.ok(before.y - after.y > 100, `the list moved up with the finger (${before.y} -> ${after.y})`);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page itself never scrolls');
  });

  await t.test('a tap on a card opens its group; a tap on back returns', async () => {
    // The first card wholly below the top bar (the drag above scrolled the list).
    const lang = await node('lang');
    const card = (await nodes()).find((n) => n.id.startsWith('group/') && n.y > lang.y + lang.h + 8 && n.y + n.h < 844);
    await tapNode(page, card.id);
    await page.getByRole('button', { name: /←/ }).waitFor({ state: 'attached' });
    const s = await settled();
    assert.ok(!s.some((n) => n.id === card.id), 'the home cards are gone');
    assert.ok(s.some((n) => n.role === 'heading' && n.name === card.name), `the group ${card.name} is shown`);
    await tapNode(page, 'back');
    await page.getByRole('button', { name: zh[0], exact: true }).waitFor({ state: 'attached' });
  });

  await t.test('keyboard only: Tab to a group through the accessible layer, Enter opens it', async () => {
    await settled();
    const target = zh[1];
    let focused = '';
    for (let i = 0; i < 20 && focused !== target; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
    }
    assert.equal(focused, target, 'Tab reaches the group button');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: target, exact: true }).waitFor({ state: 'attached' });
    await settled();
  });

  await t.test('no console error', () => {
    assert.deepEqual(phone.problems(), []);
  });
});
