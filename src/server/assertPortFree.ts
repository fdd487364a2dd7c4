import net from 'node:net';
import { listenError } from './listenError.js';

/**
 * Checks that the HTTP server will be able to listen on `host:port` by listening there for a moment, so that a
 * taken port is reported before the embedded Neo4j starts and seeds (which takes seconds), not after.
 * Rejects with the StartupError of `listenError`.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => reject(listenError(error, port, host)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
