import { PortInUseError } from '../../src/neo4j/PortInUseError.js';
import { freePort } from './freePort.js';

/**
 * Runs `start` on a port that was free a moment ago, and again on another (three tries in all) when Neo4j finds it
 * taken: the kernel may hand the same port to another socket between the pick and Neo4j's bind.
 */
export async function startOnFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt === 3) throw error;
    }
  }
}
