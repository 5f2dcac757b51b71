import type { AddressInfo } from 'node:net';
import { createApp, type App, type Routes } from '../src/app.js';
import { SERVICE_NAME } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { routes } from '../src/routes.js';

export interface Running {
  app: App;
  base: string;
  /** What the service logged, one JSON object per entry. */
  logs: Array<Record<string, unknown>>;
}

/** Starts the service on a free port, with extra routes the test needs. */
export async function start(extra: Routes = {}): Promise<Running> {
  const logs: Array<Record<string, unknown>> = [];
  const log = createLogger(SERVICE_NAME, (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const app = createApp({ log, routes: { ...routes(SERVICE_NAME), ...extra } });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return { app, base: 'http://127.0.0.1:' + port, logs };
}

export function stop(running: Running): Promise<boolean> {
  return running.app.shutdown({ delayMs: 0, timeoutMs: 1000 });
}
