import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { migrateAndSeed } from './migrateAndSeed.js';
import { connectNeo4j } from './neo4j/connectNeo4j.js';
import { logSupervisorEvent } from './neo4j/logSupervisorEvent.js';
import { logNlpEvent } from './nlp/logNlpEvent.js';
import { superviseNlpWorker } from './nlp/superviseNlpWorker.js';
import { StartupError } from './neo4j/StartupError.js';
import { SeedValidationError } from './seed/SeedValidationError.js';
import { WriteRefusedError } from './domain/WriteRefusedError.js';
import { assertPortFree } from './server/assertPortFree.js';
import { createServer } from './server/createServer.js';
import { listenError } from './server/listenError.js';
import { serverOptionsFromConfig } from './server/serverOptionsFromConfig.js';

/** The process entry point: reads config, connects Neo4j (starting the embedded one if needed), serves, shuts down. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  // Starting and seeding Neo4j takes seconds: a taken HTTP port is reported before, not after.
  await assertPortFree(config.PORT, config.HOST);
  // The worker installs and loads while Neo4j starts; search answers without it until it runs.
  const nlp = config.NLP_ENABLED
    ? superviseNlpWorker({
        python: config.NLP_PYTHON,
        cacheDir: config.NLP_CACHE_DIR,
        onEvent: (event) => logNlpEvent(logger, event),
      })
    : undefined;
  const neo4j = await connectNeo4j(
    config,
    (message) => logger.info(message),
    (event) => logSupervisorEvent(logger, event),
  );
  logger.info({ uri: neo4j.embedded?.uri ?? config.NEO4J_URI, embedded: Boolean(neo4j.embedded) }, 'Neo4j is ready');

  const seeded = await migrateAndSeed(neo4j.driver, config.NEO4J_DATABASE, config.SEED_ON_EMPTY);
  if (seeded) logger.info(seeded, 'seeded the empty graph');

  const server = createServer({
    ...serverOptionsFromConfig(config),
    driver: neo4j.driver,
    logger,
    neo4jSupervisor: neo4j.embedded ?? undefined,
    nlp,
  });
  await server.start();
  const { url } = await server.listen(config.PORT, config.HOST).catch(async (error: unknown) => {
    // Taken since the check: stop Neo4j cleanly before saying so.
    await neo4j.close();
    throw listenError(error, config.PORT, config.HOST);
  });
  logger.info(`coopgraph ready: GraphQL at ${url}/graphql, explorer at ${url}/explore`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, closing Neo4j');
    await server.stop();
    logger.info('requests drained');
    await nlp?.stop();
    await neo4j.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof StartupError ||
    error instanceof ConfigError ||
    error instanceof SeedValidationError ||
    error instanceof WriteRefusedError
  ) {
    console.error(`coopgraph cannot start. ${error.message}`);
  } else {
    console.error('coopgraph cannot start:', error);
  }
  process.exit(1);
});
