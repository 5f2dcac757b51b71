import { sendJson, type Routes } from './app.js';

/** The service's API. The greeting shows the shape: replace it with the service's own endpoints. */
export function routes(service: string): Routes {
  return {
    'GET /hello': (_req, res, url) => {
      const name = url.searchParams.get('name') || 'world';
      if (name.length > 100) {
        sendJson(res, 400, { error: 'name is longer than 100 characters' });
        return;
      }
      sendJson(res, 200, { message: 'Hello, ' + name + '!', service });
    },
  };
}
