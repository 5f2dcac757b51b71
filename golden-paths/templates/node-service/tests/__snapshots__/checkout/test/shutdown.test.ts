import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { sendJson } from '../src/app.js';
import { SERVICE_NAME } from '../src/config.js';
import { start, stop } from './support.js';

/** A promise with its resolve function, to hold a request until the test lets it go. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

describe('graceful shutdown', () => {
  it('reports not ready while shutting down, and stays live', async () => {
    const service = await start();
    const stopped = service.app.shutdown({ delayMs: 1000, timeoutMs: 1000 });
    const ready = await fetch(service.base + '/healthz/ready');
    assert.equal(ready.status, 503);
    assert.equal(ready.headers.get('connection'), 'close');
    assert.equal((await fetch(service.base + '/healthz/live')).status, 200);
    assert.equal(await stopped, true);
  });

  it('finishes requests in flight but takes no new connections', async () => {
    const arrived = signal();
    const release = signal();
    const service = await start({
      'GET /slow': async (_req, res) => {
        arrived.fire();
        await release.promise;
        sendJson(res, 200, { done: true });
      },
    });
    const slow = fetch(service.base + '/slow');
    await arrived.promise;
    const stopped = stop(service);
    while (service.app.server.listening) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await assert.rejects(fetch(service.base + '/hello'), 'a new connection is refused');
    release.fire();
    const res = await slow;
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('connection'), 'close');
    assert.deepEqual(await res.json(), { done: true });
    assert.equal(await stopped, true);
  });

  it('closes the connections of requests that outlast the timeout', async () => {
    const arrived = signal();
    const service = await start({ 'GET /stuck': () => arrived.fire() });
    const stuck = fetch(service.base + '/stuck');
    await arrived.promise;
    assert.equal(await service.app.shutdown({ delayMs: 0, timeoutMs: 100 }), false);
    await assert.rejects(stuck);
    assert.ok(service.logs.some((l) => l.level === 'warn'));
  });

  it('the server process stops cleanly on SIGTERM', { timeout: 20_000 }, async () => {
    const server = fileURLToPath(new URL('../src/server.js', import.meta.url));
    const child = spawn(process.execPath, [server], {
      env: { ...process.env, PORT: '0', SHUTDOWN_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // 'close', not 'exit': by then every line the server wrote has been read
    const closed = once(child, 'close');
    const logs: Array<Record<string, unknown>> = [];
    const port = new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>; // every line is JSON
        logs.push(entry);
        if (entry.msg === 'listening') {
          resolve(entry.port as number);
        }
      });
      child.once('exit', () => reject(new Error('the server exited before listening: ' + JSON.stringify(logs))));
    });
    const base = 'http://127.0.0.1:' + (await port);
    assert.equal((await fetch(base + '/hello')).status, 200);
    child.kill('SIGTERM');
    const [code] = await closed;
    assert.equal(code, 0, JSON.stringify(logs));
    assert.deepEqual(logs.map((l) => l.msg), ['listening', 'request', 'stopping', 'shutting down', 'stopped']);
    assert.ok(logs.every((l) => l.service === SERVICE_NAME));
  });
});
