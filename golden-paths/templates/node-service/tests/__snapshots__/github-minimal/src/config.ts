// The name the service gives in its logs and responses, set when it was created from its golden path.
export const SERVICE_NAME = "greeter";

/** Settings read from the environment, so the same image runs unchanged in every environment. */
export interface Config {
  /** The port to listen on; 0 takes any free port, as the tests do. */
  port: number;
  /** How long to go on serving after SIGTERM, reporting not ready, while load balancers stop sending requests. */
  shutdownDelayMs: number;
  /** How long requests still in flight then get to finish before their connections are closed. */
  shutdownTimeoutMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    shutdownDelayMs: integer(env, 'SHUTDOWN_DELAY_MS', 5000, 0, 60000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 20000, 0, 120000),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  // refuse rather than guess: a typo in a deployment should stop the pod, not change its behaviour
  if (!/^[0-9]+$/.test(raw) || value < min || value > max) {
    throw new Error(name + ' must be a whole number from ' + min + ' to ' + max + ', not "' + raw + '"');
  }
  return value;
}
