import { z } from 'zod';

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole number')
    .min(0, 'expected a port from 0 to 65535')
    .max(65535, 'expected a port from 0 to 65535')
    .default(fallback);

const milliseconds = (fallback: number) =>
  z.coerce
    .number({ error: 'expected milliseconds' })
    .int()
    .positive('expected a positive number of milliseconds')
    .default(fallback);

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .transform((value) => value === 'true' || value === '1')
    .default(fallback);

const positiveInt = (fallback: number, what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected a whole number of ${what}`)
    .positive(`expected a positive number of ${what}`)
    .default(fallback);

const origins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.union([
        z.literal('*'),
        z
          .string()
          .regex(
            /^https?:\/\/[^/\s]+$/,
            'expected origins such as https://newsroom.example or http://localhost:* (scheme and host, no path), separated by commas, or *',
          ),
      ]),
    ),
  )
  .default([]);

const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'expected development, production or test' })
    .default('development'),
  PORT: port(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected a pino level such as info',
    })
    .default('info'),
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/,
      'expected a Neo4j URI such as neo4j://host:7687, bolt://host:7687 or neo4j+s://xxxx.databases.neo4j.io',
    )
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'expected a database name such as neo4j')
    .optional(),
  NEO4J_EMBEDDED_PORT: port(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  // Memory of the embedded Neo4j: the page cache holds store files, the heap queries and transaction state.
  /** The page cache; the store's size (data/databases/neo4j under NEO4J_DATA_DIR) plus growth keeps reads off disk. */
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[kmg]$/i, 'expected a size such as 256m or 1g')
    .default('256m'),
  /** The JVM heap (initial and maximum); the seed needs far less than 1g, a scale-1000 store about 4g. */
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[kmg]$/i, 'expected a size such as 1g or 4096m')
    .default('1g'),
  NEO4J_START_TIMEOUT_MS: milliseconds(120_000),
  // The embedded Neo4j's supervisor: a JVM that dies is restarted after 1 s, 2 s, 4 s… (at most the maximum delay).
  /** Restart attempts in a row before giving up (/health then answers 503); 0 never restarts. */
  NEO4J_RESTART_MAX_ATTEMPTS: z.coerce
    .number({ error: 'expected a number of attempts' })
    .int('expected a whole number of attempts')
    .min(0, 'expected 0 or more attempts')
    .default(5),
  NEO4J_RESTART_DELAY_MS: milliseconds(1_000),
  NEO4J_RESTART_MAX_DELAY_MS: milliseconds(30_000),
  SEED_ON_EMPTY: flag(true),
  // The text-analysis worker (Python, pymorphy3 + natasha): installed on first start into NLP_CACHE_DIR, supervised.
  /** When false, no worker runs: search matches names as written (no inflected forms). */
  NLP_ENABLED: flag(true),
  /** The Python 3.11+ interpreter that creates the worker's virtual environment. */
  NLP_PYTHON: z.string().min(1).default('python3'),
  NLP_CACHE_DIR: z.string().min(1).default('.cache/nlp'),
  EXPOSE_QUERY_STATS: flag(false),

  // Driver pool: a burst queues for at most NEO4J_ACQUIRE_TIMEOUT_MS, then fails with SERVICE_UNAVAILABLE.
  NEO4J_MAX_POOL_SIZE: positiveInt(50, 'connections'),
  NEO4J_ACQUIRE_TIMEOUT_MS: milliseconds(5_000),
  /** How long the driver retries a transaction on transient errors (deadlocks, leader switches). */
  NEO4J_MAX_RETRY_MS: milliseconds(3_000),
  // Circuit breaker: after this many requests in a row found Neo4j unresponsive, requests answer 503 at once.
  NEO4J_BREAKER_THRESHOLD: positiveInt(3, 'failures'),
  /** While the circuit is open, how often and how patiently Neo4j is probed. */
  NEO4J_PROBE_INTERVAL_MS: milliseconds(1_000),
  NEO4J_PROBE_TIMEOUT_MS: milliseconds(1_000),

  // Who may do what.
  /** When true, reads need a bearer token too (any role). */
  READS_REQUIRE_KEY: flag(false),
  /** HS256/384/512 secret for JWTs; at least 32 characters. */
  JWT_SECRET: z.string().min(32, 'expected a secret of at least 32 characters').optional(),
  /** JWKS endpoint for JWTs signed with asymmetric keys, such as https://issuer.example/.well-known/jwks.json. */
  JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL of a JWKS document' }).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** The claim holding the role (`reader`, `editor` or `admin`), a string or an array of strings. */
  JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  /** Longest lifetime accepted for a JWT (`exp` minus `iat`), in seconds; tokens without `exp` are always refused. */
  JWT_MAX_LIFETIME_S: positiveInt(86_400, 'seconds'),
  /**
   * Browser origins allowed to call the API, comma-separated; `*` allows any, `http://host:*` a host on any port.
   * Empty: none, except that with NODE_ENV unset (development) http://localhost:* and http://127.0.0.1:* may.
   */
  CORS_ORIGINS: origins,

  // How /graphql runs. Both default to the fast path; each has the plainer Apollo Server path as an off switch, with
  // the same answers (test/server/servingParity.test.ts), for when the fast one is suspected of a fault.
  /** `on`: operations run a second time are compiled with graphql-jit (Apollo's gateway executor); `off`: graphql-js. */
  GRAPHQL_COMPILED_EXECUTION: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
  /** `node`: /graphql on bare node:http; `express`: through Express and Apollo's express5 integration, like the other routes. */
  GRAPHQL_HTTP: z.enum(['node', 'express'], { error: 'expected node or express' }).default('node'),

  // Abuse limits.
  /**
   * Introspection. On by default, also in production: the schema is public (SDL in the repository, the explorer
   * uses it) and graphql-http's MUST audits query `__type`. Set false to hide it.
   */
  INTROSPECTION: flag(true),
  /** What a browser opening /graphql gets: `graphiql` (served from this server, works offline), `sandbox` (Apollo's, from its CDN) or `off`. */
  GRAPHQL_IDE: z
    .enum(['graphiql', 'sandbox', 'off'], { error: 'expected graphiql, sandbox or off' })
    .default('graphiql'),
  BODY_LIMIT_BYTES: positiveInt(1_048_576, 'bytes'),
  OPERATION_TIMEOUT_MS: milliseconds(15_000),
  /** Exports served at once (each holds its network in memory while it streams); more answer 503 with Retry-After. */
  EXPORT_MAX_CONCURRENT: positiveInt(2, 'exports'),
  /** How often the change feed (`graphChanged`) reads the audit trail while anyone subscribes. */
  CHANGE_POLL_INTERVAL_MS: milliseconds(1_000),
  /** WebSockets and event streams (subscriptions) one client address may hold open. */
  SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT: positiveInt(10, 'connections'),
  LIMIT_MAX_DEPTH: positiveInt(8, 'levels'),
  LIMIT_MAX_ALIASES: positiveInt(15, 'aliases'),
  LIMIT_MAX_DIRECTIVES: positiveInt(10, 'directives'),
  LIMIT_MAX_TOKENS: positiveInt(2_000, 'tokens'),
  /** Estimated cost (1 per field, times `first`, `limit` or `maxHops` where they size a list, literal or variable). */
  LIMIT_MAX_COST: positiveInt(200_000, 'cost points'),
  /** What one operation may read from Neo4j, in approximate bytes; past it the answer is RESPONSE_TOO_LARGE (HTTP 422). */
  LIMIT_MAX_READ_BYTES: positiveInt(33_554_432, 'bytes'),

  // Rate limits, per process (memory store): anonymous callers per client address, keyed callers per principal.
  RATE_LIMIT_ENABLED: flag(true),
  RATE_LIMIT_ANONYMOUS_POINTS: positiveInt(300, 'requests'),
  RATE_LIMIT_ANONYMOUS_DURATION_S: positiveInt(60, 'seconds'),
  RATE_LIMIT_KEYED_POINTS: positiveInt(3_000, 'requests'),
  RATE_LIMIT_KEYED_DURATION_S: positiveInt(60, 'seconds'),
  /**
   * Reverse proxies in front of the server that append the client's address to X-Forwarded-For. 0 (default): the
   * header is ignored and the socket's peer is the client, since any client can write the header.
   */
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: 'expected a number of proxies' })
    .int('expected a whole number of proxies')
    .min(0, 'expected 0 or more proxies')
    .default(0),
  /** When set, `GET /metrics` needs `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open like /health. */
  METRICS_TOKEN: z.string().min(16, 'expected a token of at least 16 characters').optional(),
});

export type Config = z.output<typeof configSchema>;

/** Thrown when environment variables are invalid; the message has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates configuration from environment variables; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}: ${issue.message} (got ${JSON.stringify(present[name])})`;
    }),
  );
}
