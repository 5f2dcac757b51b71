import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { Metrics } from '../src/metrics.js';
import { start, stop, type Running } from './support.js';

describe('health and metrics', () => {
  let service: Running;
  before(async () => {
    service = await start();
  });
  after(() => stop(service));

  it('is live and ready', async () => {
    const live = await fetch(service.base + '/healthz/live');
    assert.equal(live.status, 200);
    assert.deepEqual(await live.json(), { status: 'up' });
    const ready = await fetch(service.base + '/healthz/ready');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  it('counts and times requests by route, but not probes and scrapes', async () => {
    for (const name of ['a', 'b']) {
      await (await fetch(service.base + '/hello?name=' + name)).text();
    }
    await (await fetch(service.base + '/no/such/path')).text();
    const res = await fetch(service.base + '/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^http_requests_total\{method="GET",route="\/hello",status="200"\} 2$/m);
    assert.match(text, /^http_requests_total\{method="GET",route="unmatched",status="404"\} 1$/m);
    assert.match(text, /^http_request_duration_seconds_bucket\{method="GET",route="\/hello",le="\+Inf"\} 2$/m);
    assert.match(text, /^http_request_duration_seconds_count\{method="GET",route="\/hello"\} 2$/m);
    assert.match(text, /^nodejs_heap_size_used_bytes \d+$/m);
    assert.doesNotMatch(text, /healthz|route="\/metrics"/);
  });
});

describe('Metrics', () => {
  it('writes cumulative histogram buckets', () => {
    const metrics = new Metrics();
    metrics.observe('GET', '/x', 200, 0.00390625);
    metrics.observe('GET', '/x', 500, 0.375);
    const text = metrics.render();
    assert.match(text, /_bucket\{method="GET",route="\/x",le="0\.005"\} 1$/m);
    assert.match(text, /_bucket\{method="GET",route="\/x",le="0\.25"\} 1$/m);
    assert.match(text, /_bucket\{method="GET",route="\/x",le="0\.5"\} 2$/m);
    assert.match(text, /_sum\{method="GET",route="\/x"\} 0\.37890625$/m);
    assert.match(text, /^http_requests_total\{method="GET",route="\/x",status="500"\} 1$/m);
  });

  it('escapes label values', () => {
    const metrics = new Metrics();
    metrics.observe('GET', 'a"b\\c', 200, 0.001);
    assert.match(metrics.render(), /route="a\\"b\\\\c"/);
  });
});

describe('loadConfig', () => {
  it('has defaults for every setting', () => {
    assert.deepEqual(loadConfig({}), { port: 8080, shutdownDelayMs: 5000, shutdownTimeoutMs: 20000 });
  });

  it('reads the environment and refuses values it cannot use', () => {
    assert.equal(loadConfig({ PORT: '9090' }).port, 9090);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a whole number from 0 to 65535/);
    assert.throws(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '-1' }), /SHUTDOWN_TIMEOUT_MS/);
  });
});

describe('a route that throws', () => {
  it('answers 500 and logs the error with its stack', async () => {
    const service = await start({
      'GET /broken': () => {
        throw new Error('broken on purpose');
      },
    });
    try {
      const res = await fetch(service.base + '/broken');
      assert.equal(res.status, 500);
      assert.deepEqual(await res.json(), { error: 'internal error' });
      const entry = service.logs.find((l) => l.msg === 'request failed');
      const err = entry?.err as { message?: string; stack?: string } | undefined;
      assert.equal(err?.message, 'broken on purpose');
      assert.match(err?.stack ?? '', /operations\.test/);
    } finally {
      await stop(service);
    }
  });
});
