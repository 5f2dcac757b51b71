import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';

/** Answers one request; url is the parsed request URL, with the query in url.searchParams. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

/** Routes by method and path, such as 'GET /hello'. */
export type Routes = Record<string, Route>;

export interface App {
  server: Server;
  /**
   * Stops taking traffic: reports not ready at once, goes on serving for delayMs (load balancers
   * notice), then accepts no new connections and waits up to timeoutMs for requests in flight.
   * Resolves true when they all finished, false when their connections had to be closed. Calling it
   * again returns the same promise.
   */
  shutdown(options: { delayMs: number; timeoutMs: number }): Promise<boolean>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

export function createApp(options: { log: Logger; routes: Routes }): App {
  const { log } = options;
  const metrics = new Metrics();
  const inFlight = new Set<ServerResponse>();
  let stopping: Promise<boolean> | undefined;

  // For Kubernetes and Prometheus. They stay out of the request metrics and logs: probes and scrapes
  // every few seconds would drown the service's own traffic.
  const operational = new Map<string, Route>([
    ['GET /healthz/live', (_req, res) => sendJson(res, 200, { status: 'up' })],
    ['GET /healthz/ready', (_req, res) =>
      stopping ? sendJson(res, 503, { status: 'shutting down' }) : sendJson(res, 200, { status: 'ready' })],
    ['GET /metrics', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(metrics.render());
    }],
  ]);
  const routes = new Map(Object.entries(options.routes));
  const paths = new Set([...routes.keys()].map((key) => key.slice(key.indexOf(' ') + 1)));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: 'malformed request target' });
      return;
    }
    const key = method + ' ' + url.pathname;
    const own = operational.get(key);
    if (own) {
      await own(req, res, url);
      return;
    }
    // the route, not the path, labels metrics: unknown paths must not each make a new series
    const route = paths.has(url.pathname) ? url.pathname : 'unmatched';
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.observe(method, route, res.statusCode, seconds);
      log.info('request', { method, path: url.pathname, status: res.statusCode, ms: Math.round(seconds * 1000) });
    });
    const answer = routes.get(key);
    if (answer) {
      await answer(req, res, url);
    } else if (paths.has(url.pathname)) {
      const allowed = [...routes.keys()].filter((k) => k.endsWith(' ' + url.pathname)).map((k) => k.split(' ')[0]);
      res.setHeader('Allow', allowed.join(', '));
      sendJson(res, 405, { error: method + ' is not allowed here' });
    } else {
      sendJson(res, 404, { error: 'not found' });
    }
  }

  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    if (stopping) {
      res.setHeader('Connection', 'close');
    }
    // a connection whose response went out before shutdown began is still open for keep-alive: close it
    res.on('finish', () => {
      if (stopping) {
        server.closeIdleConnections();
      }
    });
    handle(req, res).catch((err: unknown) => {
      log.error('request failed', { method: req.method, url: req.url, err });
      if (res.headersSent) {
        res.destroy();
      } else {
        sendJson(res, 500, { error: 'internal error' });
      }
    });
  });
  // Longer than the ingress controller's upstream keep-alive (60 s), so the proxy closes idle connections,
  // never the service: otherwise a request can meet a connection as it closes and fail with a 502.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  function shutdown({ delayMs, timeoutMs }: { delayMs: number; timeoutMs: number }): Promise<boolean> {
    stopping ??= (async () => {
      log.info('shutting down', { delayMs, timeoutMs, inFlight: inFlight.size });
      // answers still being worked on tell their clients not to reuse the connection
      for (const res of inFlight) {
        if (!res.headersSent) {
          res.setHeader('Connection', 'close');
        }
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return new Promise<boolean>((resolve) => {
        const force = setTimeout(() => {
          log.warn('closing connections of requests still in flight', { inFlight: inFlight.size });
          server.closeAllConnections();
          resolve(false);
        }, timeoutMs);
        server.close(() => {
          clearTimeout(force);
          resolve(true);
        });
      });
    })();
    return stopping;
  }

  return { server, shutdown };
}
