import type { Config } from '../config.js';
import { LOCAL_DEVELOPMENT_ORIGINS } from './createCorsMiddleware.js';
import type { ServerOptions } from './createServer.js';

/** The server settings the environment configures (everything but the driver and logger). */
export function serverOptionsFromConfig(config: Config): Omit<ServerOptions, 'driver' | 'logger'> {
  return {
    database: config.NEO4J_DATABASE,
    production: config.NODE_ENV === 'production',
    exposeQueryStats: config.EXPOSE_QUERY_STATS,
    introspection: config.INTROSPECTION,
    graphqlIde: config.GRAPHQL_IDE,
    readsRequireKey: config.READS_REQUIRE_KEY,
    jwt: {
      secret: config.JWT_SECRET,
      jwksUrl: config.JWT_JWKS_URL,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      roleClaim: config.JWT_ROLE_CLAIM,
      maxLifetimeS: config.JWT_MAX_LIFETIME_S,
    },
    // A development server (NODE_ENV unset) also answers pages served from this machine, such as a Vite dev server.
    corsOrigins:
      config.NODE_ENV === 'development' ? [...config.CORS_ORIGINS, ...LOCAL_DEVELOPMENT_ORIGINS] : config.CORS_ORIGINS,
    limits: {
      maxDepth: config.LIMIT_MAX_DEPTH,
      maxAliases: config.LIMIT_MAX_ALIASES,
      maxDirectives: config.LIMIT_MAX_DIRECTIVES,
      maxTokens: config.LIMIT_MAX_TOKENS,
      maxCost: config.LIMIT_MAX_COST,
      maxReadBytes: config.LIMIT_MAX_READ_BYTES,
    },
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    operationTimeoutMs: config.OPERATION_TIMEOUT_MS,
    exportMaxConcurrent: config.EXPORT_MAX_CONCURRENT,
    changePollIntervalMs: config.CHANGE_POLL_INTERVAL_MS,
    subscriptionMaxConnectionsPerClient: config.SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT,
    rateLimits: config.RATE_LIMIT_ENABLED
      ? {
          anonymous: {
            points: config.RATE_LIMIT_ANONYMOUS_POINTS,
            durationSeconds: config.RATE_LIMIT_ANONYMOUS_DURATION_S,
          },
          keyed: { points: config.RATE_LIMIT_KEYED_POINTS, durationSeconds: config.RATE_LIMIT_KEYED_DURATION_S },
          trustedProxies: config.TRUST_PROXY_HOPS,
        }
      : undefined,
    metricsToken: config.METRICS_TOKEN,
    probeIntervalMs: config.NEO4J_PROBE_INTERVAL_MS,
    probeTimeoutMs: config.NEO4J_PROBE_TIMEOUT_MS,
    breakerThreshold: config.NEO4J_BREAKER_THRESHOLD,
    compiledExecution: config.GRAPHQL_COMPILED_EXECUTION === 'on',
    graphqlHttp: config.GRAPHQL_HTTP,
  };
}
