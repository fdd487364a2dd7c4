import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/** A driver that counts the Cypher statements run through it: the round trips of an executor we do not own. */
export interface CountingDriver {
  driver: Driver;
  /** Statements run so far. */
  count(): number;
}

/**
 * Wraps `driver` so that every `tx.run` inside `session.executeRead`/`executeWrite`, and every `session.run` and
 * `driver.executeQuery`, adds one to the count. Everything else passes through unchanged.
 */
export function createCountingDriver(driver: Driver): CountingDriver {
  let statements = 0;
  const countingTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'run') {
          return (...args: Parameters<ManagedTransaction['run']>) => {
            statements += 1;
            return target.run(...args);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  const countingSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, property, receiver) {
        if (property === 'executeRead' || property === 'executeWrite') {
          const execute = target[property].bind(target);
          return <T>(
            work: (tx: ManagedTransaction) => Promise<T> | T,
            config?: Parameters<Session['executeRead']>[1],
          ) => execute((tx) => work(countingTx(tx)), config);
        }
        if (property === 'run') {
          return (...args: Parameters<Session['run']>) => {
            statements += 1;
            return target.run(...args);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  const wrapped = new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session')
        return (...args: Parameters<Driver['session']>) => countingSession(target.session(...args));
      if (property === 'executeQuery') {
        return (...args: Parameters<Driver['executeQuery']>) => {
          statements += 1;
          return target.executeQuery(...args);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { driver: wrapped, count: () => statements };
}
