import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the Neo4j supervisor reports, when the server has one: its state (such as `running`) and restarts so far. */
export interface Neo4jStatus {
  state: string;
  restarts: number;
}

export interface MetricsOptions {
  /** Read at every scrape; omitted (an external Neo4j), the supervisor metrics are left out. */
  neo4jStatus?: (() => Neo4jStatus) | undefined;
  /** Distinct operation names given their own label; later new names count as `(other)`. Default 100. */
  maxOperationNames?: number;
}

/** The label of an operation without a name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The label of a named operation past the cap of distinct names. */
export const OTHER_OPERATION = '(other)';
/** The label of a request refused before its operation was known (unreadable body, parse or validation error, 401, 429). */
export const NO_OPERATION = '(none)';

/**
 * One server's Prometheus metrics, in a registry of its own so that several servers in a process do not collide.
 * Label values are bounded: operation names only as read from a parsed and validated document, at most
 * `maxOperationNames` of them (the parenthesized labels cannot be GraphQL names); outcomes are error codes.
 */
export interface Metrics {
  readonly contentType: string;
  /** This server's metrics followed by the process's (memory, CPU, event loop, garbage collection). */
  render(): Promise<string>;
  readonly graphqlRequests: Counter<'operation' | 'outcome'>;
  readonly graphqlDuration: Histogram<'operation' | 'outcome'>;
  readonly exportRequests: Counter<'format' | 'status'>;
  readonly exportDuration: Histogram<'format' | 'status'>;
  readonly rateLimited: Counter<'caller'>;
  /** Neo4j sessions open now: each holds a pool connection while its transaction runs. */
  readonly neo4jSessions: Gauge;
  /** The label for an operation name that validated; null: an anonymous operation. */
  operationLabel(name: string | null): string;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

export function createMetrics({ neo4jStatus, maxOperationNames = 100 }: MetricsOptions = {}): Metrics {
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  const names = new Set<string>();

  if (neo4jStatus) {
    let restartsCounted = 0;
    new Gauge({
      name: 'coopgraph_neo4j_supervisor_state',
      help: 'The embedded Neo4j as its supervisor sees it: 1 for the current state, labelled by state.',
      labelNames: ['state'],
      registers,
      collect() {
        this.reset();
        this.set({ state: neo4jStatus().state }, 1);
      },
    });
    new Counter({
      name: 'coopgraph_neo4j_supervisor_restarts_total',
      help: 'Times the supervisor restarted the embedded Neo4j.',
      registers,
      collect() {
        const { restarts } = neo4jStatus();
        if (restarts > restartsCounted) this.inc(restarts - restartsCounted);
        restartsCounted = Math.max(restartsCounted, restarts);
      },
    });
  }

  return {
    contentType: registry.contentType,
    async render() {
      return `${await registry.metrics()}\n${await processRegistry().metrics()}`;
    },
    graphqlRequests: new Counter({
      name: 'coopgraph_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok or the first error code), including those refused before execution.',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'coopgraph_graphql_request_duration_seconds',
      help: 'Time from the start of GraphQL processing (after body and authentication) to the answer, by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    exportRequests: new Counter({
      name: 'coopgraph_export_requests_total',
      help: 'Requests to /export/:format by format and HTTP status.',
      labelNames: ['format', 'status'],
      registers,
    }),
    exportDuration: new Histogram({
      name: 'coopgraph_export_request_duration_seconds',
      help: 'Time to answer /export/:format, by format and HTTP status.',
      labelNames: ['format', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    rateLimited: new Counter({
      name: 'coopgraph_rate_limited_total',
      help: 'Requests refused with 429 RATE_LIMITED, by caller (anonymous: per client address; keyed: per principal).',
      labelNames: ['caller'],
      registers,
    }),
    neo4jSessions: new Gauge({
      name: 'coopgraph_neo4j_sessions_active',
      help: 'Neo4j sessions open now; each holds a connection of the driver pool (NEO4J_MAX_POOL_SIZE) while it runs.',
      registers,
    }),
    operationLabel(name) {
      if (name === null) return ANONYMOUS_OPERATION;
      if (names.has(name)) return name;
      if (names.size >= maxOperationNames) return OTHER_OPERATION;
      names.add(name);
      return name;
    },
  };
}

let sharedProcessRegistry: Registry | undefined;

/** Memory, CPU, event loop and GC belong to the process, not to a server: collected once, however many servers. */
function processRegistry(): Registry {
  if (!sharedProcessRegistry) {
    sharedProcessRegistry = new Registry();
    collectDefaultMetrics({ register: sharedProcessRegistry });
  }
  return sharedProcessRegistry;
}
