import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { Context } from '../graphql/context.js';
import { createCostLimitPlugin } from './createCostLimitPlugin.js';

/** How big an operation and its answer may be. The defaults let every query in `examples/` and the explorer through. */
export interface AbuseLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /**
   * The estimated cost (`fieldCost`): 1 per field, times `first`, `limit` or `maxHops` wherever they size a list,
   * whether literal or variable. The explorer's network query (500 nodes) costs 92,500, the examples at most
   * 16,800. Exports set their own (`EXPORT_MAX_COST`).
   */
  maxCost: number;
  /** What one operation may read from Neo4j, in approximate bytes (see `DatabaseOptions.maxReadBytes`). */
  maxReadBytes: number;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxCost: 200_000,
  maxReadBytes: 33_554_432,
};

/**
 * Apollo options that refuse oversized operations with HTTP 400: depth, aliases and directives through
 * graphql-armor's validation rules and the cost through `createCostLimitPlugin` (GRAPHQL_VALIDATION_FAILED),
 * tokens through graphql-js's own parser limit (GRAPHQL_PARSE_FAILED). graphql-armor's cost rule is left off: a
 * validation rule sees literals only, so `first: $f` would pass uncounted. Its token plugin is off too: it
 * re-parses in `parsingDidStart`, where any syntax error escapes as HTTP 500 instead of Apollo's 400. Field
 * suggestions are hidden in production by Apollo's own `hideSchemaDetailsFromClientErrors` (see createServer), so
 * armor's masking plugin is off as well.
 */
export function createAbuseLimits(limits: Omit<AbuseLimits, 'maxReadBytes'>): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ApolloServerPlugin<Context>[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return {
    validationRules: armor.protect().validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [createCostLimitPlugin({ maxCost: limits.maxCost })],
  };
}
