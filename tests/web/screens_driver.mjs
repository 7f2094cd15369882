// tests/web/screens_driver.mjs — the driver tests/screens/walk.mjs needs,
// for the phone: Chromium through the app's accessible DOM layer (as a
// screen reader would), a real civic-server, screenshots at dpr 3.
import { BIN, screenshotPath } from './harness.mjs';
import { staffUpdate } from '../screens/walk.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// phone: openPhone()'s result; server: startServer()'s.
export function phoneDriver(phone, server) {
  const nodes = () => phone.page.evaluate(() => window.civic.nodes());

  async function until(pred, what, tries = 200) {
    for (let i = 0; i < tries; i++) {
      const hit = pred(await nodes().catch(() => []));
      if (hit) return hit;
      await sleep(100);
    }
    throw new Error(`never appeared: ${what}\n${JSON.stringify(await nodes().catch(() => []))}`);
  }

  const driver = {
    kind: 'phone',
    language: 'zh-CN',
    lang() { return this.language; },
    nodes,
    async node(id) { return (await nodes()).find((n) => n.id === id); },
    wait: (id) => until((ns) => ns.find((n) => n.id === id), id),
    waitText: (text) => until((ns) => ns.find((n) => n.name.includes(text) || n.value.includes(text)), text),
    async tap(id) {
      await this.wait(id);
      await phone.page.locator(`[data-id="${id}"]`).dispatchEvent('click');
    },
    async type(id, text) {
      await this.wait(id);
      await phone.page.locator(`[data-id="${id}"]`).evaluate((el, t) => {
        el.value = t;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
    },
    // Until no frame has been drawn for 200 ms (the app draws only on change).
    async idle() {
      let last = -1;
      for (let i = 0; i < 150; i++) {
        const n = await phone.page.evaluate(() => window.civic.framesDrawn());
        if (n === last) return;
        last = n;
        await sleep(200);
      }
    },
    // A finger's wheel over the canvas until the node sits in the viewport.
    async scroll(id) {
      for (let i = 0; i < 30; i++) {
        const n = await this.wait(id);
        const top = 80, bottom = 844 - 40;
        if (n.y >= top && n.y + n.h <= bottom) return;
        await phone.page.mouse.move(195, 500);
        await phone.page.mouse.wheel(0, Math.max(-600, Math.min(600, n.y - 400)));
        await this.idle();
      }
    },
    async ticket() { return (await this.wait('ticket/number')).name; },
    staff: (id, status, note) => staffUpdate(BIN, server, id, status, note),
    offline: () => phone.context.setOffline(true),
    online: () => phone.context.setOffline(false),
    async catchUp(text) { await this.waitText(text); await this.idle(); },
    async switchLanguage() {
      const next = this.language === 'zh-CN' ? 'en' : 'zh-CN';
      await this.tap('lang');
      await phone.page.waitForFunction((l) => document.documentElement.lang === l, next);
      await until((ns) => ns.find((n) => n.id === 'lang' && n.name === (next === 'en' ? '中文' : 'English')), 'lang');
      await this.idle();
      this.language = next;
    },
    async shoot(name) {
      const file = screenshotPath(name);
      await phone.page.screenshot({ path: file });
      return file;
    },
  };
  return driver;
}
