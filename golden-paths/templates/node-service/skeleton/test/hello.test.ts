import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SERVICE_NAME } from '../src/config.js';
import { start, stop, type Running } from './support.js';

describe('GET /hello', () => {
  let service: Running;
  before(async () => {
    service = await start();
  });
  after(() => stop(service));

  it('greets by name', async () => {
    const res = await fetch(service.base + '/hello?name=team');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await res.json(), { message: 'Hello, team!', service: SERVICE_NAME });
  });

  it('greets the world when no name is given', async () => {
    const res = await fetch(service.base + '/hello');
    assert.deepEqual(await res.json(), { message: 'Hello, world!', service: SERVICE_NAME });
  });

  it('refuses a name longer than 100 characters', async () => {
    const res = await fetch(service.base + '/hello?name=' + 'a'.repeat(101));
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: 'name is longer than 100 characters' });
  });

  it('answers 405 for another method and 404 for an unknown path', async () => {
    const post = await fetch(service.base + '/hello', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
    const missing = await fetch(service.base + '/nothing-here');
    assert.equal(missing.status, 404);
  });

  it('logs each request as one JSON line', async () => {
    await (await fetch(service.base + '/hello?name=log')).text();
    const entry = service.logs.find((l) => l.msg === 'request' && l.status === 200);
    assert.ok(entry, JSON.stringify(service.logs));
    assert.equal(entry.service, SERVICE_NAME);
    assert.equal(entry.level, 'info');
    assert.equal(entry.path, '/hello');
    assert.equal(typeof entry.time, 'string');
  });
});
