// tests/web/glyphs.test.mjs — no missing-glyph boxes for names and
// addresses: the atlas holds only what is drawn (ui/glyphs.hpp) and grows as
// text appears; a rare character outside the shipped subset (燚, a given
// name) makes the page fetch just the one slice of the fallback font that
// holds it, after which nothing is drawn as a box. The counter the page
// exposes (window.civic.missingGlyphs) is shown to see a box when there is
// one: a character no font has (𠮷, beyond U+FFFF) stays counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';
import { byId, waitNode } from './steps.mjs';

let server;
let phone;

before(async () => {
  server = await startServer();
  phone = await openPhone({ locale: 'zh-CN' });
});

after(async () => {
  if (phone) await phone.close();
  if (server) await server.stop();
});

async function type(page, id, text) {
  await byId(page, id);
  await page.locator(`[data-id="${id}"]`).evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await waitNode(page, (n) => n.id === id && n.value === text, `${id} = ${text}`);
}
const missing = (page) => page.evaluate(() => window.civic.missingGlyphs());

test('rare characters are drawn from a lazily fetched slice, never as a box', async () => {
  const { page } = phone;
  const slices = [];
  page.on('request', (r) => { if (r.url().includes('/fonts/rare/')) slices.push(new URL(r.url()).pathname); });
  await page.goto(server.base);
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'the catalogue');
  await page.waitForFunction(() => window.civic.missingGlyphs() === 0);
  assert.deepEqual(slices, [], 'no slice of the fallback font for the catalogue');
  const builds = await page.evaluate(() => window.civic.fontBuilds());

  await page.locator(`[data-id="${group.id}"]`).dispatchEvent('click');
  await page.locator('[data-id="service/streetlight-out"]').waitFor({ state: 'attached' });
  await page.locator('[data-id="service/streetlight-out"]').dispatchEvent('click');
  // Everyday characters not yet drawn: the atlas grows from the shipped subset.
  await type(page, 'field/description', '鸭子把电线咬断了');
  await page.waitForFunction(() => window.civic.missingGlyphs() === 0);
  assert.ok(await page.evaluate(() => window.civic.fontBuilds()) > builds, 'the atlas was rebuilt with them');
  assert.deepEqual(slices, [], 'still no fallback slice: the subset has them');

  // A rare given name: only its slice is fetched, then no box remains.
  await type(page, 'field/location', '王燚家门口');
  await page.waitForFunction(() => window.civic.missingGlyphs() === 0, null, { timeout: 20000 });
  assert.deepEqual(slices, ['/fonts/rare/7000.ttf'], 'exactly the slice holding U+71DA');

  // The counter is not blind: a character no font here can draw stays counted.
  await type(page, 'field/location', '𠮷野家');
  await page.waitForFunction(() => window.civic.missingGlyphs() === 1);
  assert.equal(await missing(page), 1);
  await type(page, 'field/location', '王燚家门口');
  await page.waitForFunction(() => window.civic.missingGlyphs() === 0);
  assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
});
