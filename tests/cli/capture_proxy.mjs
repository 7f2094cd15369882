// tests/cli/capture_proxy.mjs — a loopback TCP proxy that records every byte
// a client sends (what a network observer or a TLS-terminating proxy would
// see), can be pointed at another upstream (a server with other keys), and
// can play "network down" (every connection reset at once).
import net from 'node:net';

export async function startCaptureProxy(target) {
  const state = { target, down: false, sent: [] };
  const sockets = new Set();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (state.down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(state.target.port, state.target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk) => { state.sent.push(Buffer.from(chunk)); upstream.write(chunk); });
    upstream.pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    base: `http://127.0.0.1:${port}/open311/v2/`,
    state,
    // Everything clients sent so far, as one latin1 string (bytes preserved).
    captured: () => Buffer.concat(state.sent).toString('latin1'),
    clear: () => { state.sent.length = 0; },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
