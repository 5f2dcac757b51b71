export type Fields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

/**
 * Writes one JSON object per line, which the cluster's log collector parses without configuration.
 * Tests pass their own write function to read what was logged.
 */
export function createLogger(service: string, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const at = (level: string) => (msg: string, fields: Fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, service, msg, ...fields }, errors) + '\n');
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

// An Error has no enumerable properties, so JSON.stringify would log it as {}.
function errors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
