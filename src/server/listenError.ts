import { StartupError } from '../neo4j/StartupError.js';

/**
 * The one-sentence StartupError for an HTTP server that cannot listen on `host:port` (taken, privileged or not an
 * address of this machine), or the error itself when it is none of those.
 */
export function listenError(error: unknown, port: number, host: string): unknown {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} on ${host} is already in use: stop the program listening there, or set PORT to a free port (or HOST to another address).`,
      );
    case 'EACCES':
      return new StartupError(
        `Port ${port} on ${host} needs privileges this process lacks: set PORT to 1024 or above, or run with the capability to bind low ports.`,
      );
    case 'EADDRNOTAVAIL':
      return new StartupError(
        `${host} is not an address of this machine: set HOST to one of its addresses, such as 127.0.0.1 or 0.0.0.0 (every address).`,
      );
    default:
      return error;
  }
}
