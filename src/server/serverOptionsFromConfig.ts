import type { Config } from '../config.js';
import type { ServerOptions } from './createServer.js';

/** The server settings the environment configures (everything but the driver and logger). */
export function serverOptionsFromConfig(config: Config): Omit<ServerOptions, 'driver' | 'logger'> {
  return {
    database: config.NEO4J_DATABASE,
    production: config.NODE_ENV === 'production',
    exposeQueryStats: config.EXPOSE_QUERY_STATS,
    introspection: config.INTROSPECTION,
    readsRequireKey: config.READS_REQUIRE_KEY,
    jwt: {
      secret: config.JWT_SECRET,
      jwksUrl: config.JWT_JWKS_URL,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      roleClaim: config.JWT_ROLE_CLAIM,
    },
    corsOrigins: config.CORS_ORIGINS,
    limits: {
      maxDepth: config.LIMIT_MAX_DEPTH,
      maxAliases: config.LIMIT_MAX_ALIASES,
      maxDirectives: config.LIMIT_MAX_DIRECTIVES,
      maxTokens: config.LIMIT_MAX_TOKENS,
      maxCost: config.LIMIT_MAX_COST,
    },
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    operationTimeoutMs: config.OPERATION_TIMEOUT_MS,
    probeIntervalMs: config.NEO4J_PROBE_INTERVAL_MS,
    probeTimeoutMs: config.NEO4J_PROBE_TIMEOUT_MS,
    breakerThreshold: config.NEO4J_BREAKER_THRESHOLD,
  };
}
