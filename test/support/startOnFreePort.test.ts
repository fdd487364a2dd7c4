import { describe, expect, it } from 'vitest';
import { PortInUseError } from '../../src/neo4j/PortInUseError.js';
import { startOnFreePort } from './startOnFreePort.js';

/** A start that finds its port taken `busy` times, then succeeds; records the ports it was given. */
function startTakenFor(busy: number) {
  const ports: number[] = [];
  const start = async (port: number) => {
    ports.push(port);
    if (ports.length <= busy) throw new PortInUseError(`port ${port} is already in use`);
    return `started on ${port}`;
  };
  return { ports, start };
}

describe('startOnFreePort', () => {
  it('tries another free port when Neo4j finds the first taken, up to three in all', async () => {
    const twice = startTakenFor(2);
    expect(await startOnFreePort(twice.start)).toBe(`started on ${twice.ports[2]}`);
    expect(twice.ports).toHaveLength(3);
    expect(twice.ports.every((port) => port > 0)).toBe(true);

    const always = startTakenFor(3);
    await expect(startOnFreePort(always.start)).rejects.toThrow(PortInUseError);
    expect(always.ports).toHaveLength(3);
  });

  it('gives up at once on any other failure', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('store is locked');
    };
    await expect(startOnFreePort(failing)).rejects.toThrow('store is locked');
    expect(calls).toBe(1);
  });
});
