// tests/faults/fault_proxy.mjs — a loopback TCP proxy that misbehaves on
// purpose, in front of civic-server, so the outbox is tested against the
// network it will meet: connections refused, reset half-way through the
// request, delayed, and — the case that makes exactly-once hard — the
// request delivered and committed by the server while the reply is thrown
// away before the client reads it.
// Each new connection draws its fate from a seeded generator (reproducible
// runs: the seed is printed by the test). One HTTP exchange per connection is
// assumed (the CLI opens a fresh connection per request).
import net from 'node:net';

// mulberry32: small, seedable, good enough to pick faults.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Probabilities of each fate; the rest pass through untouched.
export const defaultFaults = {
  refuse: 0.08,        // reset at once, nothing forwarded
  cut_request: 0.08,   // forward part of the request, then reset both sides
  delay: 0.10,         // hold the connection 50–400 ms before forwarding
  lose_reply: 0.15,    // forward the request, let the server answer, reset the client
};

export async function startFaultProxy({ target, seed = 1, faults = defaultFaults }) {
  const random = rng(seed);
  const stats = { connections: 0, refuse: 0, cut_request: 0, delay: 0, lose_reply: 0, pass: 0 };
  const sockets = new Set();
  const pick = () => {
    let x = random();
    for (const [name, p] of Object.entries(faults)) {
      if (x < p) return name;
      x -= p;
    }
    return 'pass';
  };
  const server = net.createServer((client) => {
    stats.connections++;
    const fate = pick();
    stats[fate]++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (fate === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const start = () => {
      if (fate === 'cut_request') {
        client.once('data', (chunk) => {
          upstream.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length * random()))));
          setTimeout(() => { client.resetAndDestroy(); upstream.resetAndDestroy(); }, 5);
        });
        return;
      }
      client.pipe(upstream);
      if (fate === 'lose_reply') {
        // The server has read and committed the request when it answers;
        // the first byte of its answer is the moment to cut the client off.
        upstream.once('data', () => { client.resetAndDestroy(); upstream.destroy(); });
      } else {
        upstream.pipe(client);
      }
    };
    if (fate === 'delay') {
      client.pause();
      setTimeout(() => { client.resume(); start(); }, 50 + Math.floor(random() * 350));
    } else {
      start();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    stats,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
