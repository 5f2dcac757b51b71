import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig, SERVICE_NAME, type Config } from './config.js';
import { createLogger } from './log.js';
import { routes } from './routes.js';

const log = createLogger(SERVICE_NAME);

// Anything thrown and not caught is a bug: log it as JSON like everything else, then stop; Kubernetes restarts the pod.
process.on('uncaughtException', (err) => {
  log.error('uncaught exception', { err });
  process.exit(1);
});

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  log.error('invalid configuration', { err });
  process.exit(1);
}
const app = createApp({ log, routes: routes(SERVICE_NAME) });

app.server.listen(config.port, () => {
  log.info('listening', { port: (app.server.address() as AddressInfo).port });
});

// Kubernetes sends SIGTERM, then SIGKILL after terminationGracePeriodSeconds. Ctrl+C (SIGINT) in a
// terminal skips the delay meant for load balancers. The same signal again stops it at once.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('stopping', { signal });
    const delayMs = signal === 'SIGTERM' ? config.shutdownDelayMs : 0;
    void app.shutdown({ delayMs, timeoutMs: config.shutdownTimeoutMs }).then((drained) => {
      log.info('stopped', { drained });
      process.exit(drained ? 0 : 1);
    });
  });
}
