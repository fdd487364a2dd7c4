import type { Logger } from 'pino';
import type { Database } from '../neo4j/Database.js';
import { createNameNormalizer } from '../nlp/createNameNormalizer.js';
import { NlpUnavailableError, type NlpClient } from '../nlp/NlpClient.js';
import { refreshNameLemmas } from '../repositories/refreshNameLemmas.js';

export interface LemmaIndexerOptions {
  db: Database;
  nlp: NlpClient;
  logger: Logger;
  /** How often entities written since are looked for. Default 1 s. */
  intervalMs?: number;
}

/** Keeps entities' lemma keys current; `refreshNow` resolves once every entity marked so far is refreshed. */
export interface LemmaIndexer {
  refreshNow(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Writes the lemma keys of newly written or renamed entities in the background: whenever the worker (re)starts
 * and then every `intervalMs` (a label scan when nothing is pending). While the worker is down, entities stay
 * marked and search matches them by their written forms only.
 */
export function startLemmaIndexer({ db, nlp, logger, intervalMs = 1_000 }: LemmaIndexerOptions): LemmaIndexer {
  const normalizer = createNameNormalizer(nlp);
  let running: Promise<number> | null = null;
  let stopped = false;

  const refreshNow = (): Promise<number> => {
    running ??= refreshNameLemmas(db, normalizer).finally(() => (running = null));
    return running;
  };
  const tick = () => {
    if (stopped || nlp.status().state !== 'running') return;
    refreshNow().then(
      (count) => count > 0 && logger.debug({ count }, 'wrote lemma keys for search'),
      (error: unknown) => {
        if (!(error instanceof NlpUnavailableError))
          logger.warn({ err: error }, 'writing lemma keys for search failed; retrying');
      },
    );
  };
  const unsubscribe = nlp.onStarted(tick);
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    refreshNow,
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
