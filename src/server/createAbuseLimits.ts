import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

/** How big an operation may be. The defaults let every query in `examples/` and the explorer through. */
export interface AbuseLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /**
   * graphql-armor's cost: objects 2, scalars 1, times 1.5 per level of depth, times a literal `first` argument.
   * The export's own query (`relations(first: 1000)` under every network node) costs about 17,000.
   */
  maxCost: number;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = { maxDepth: 8, maxAliases: 15, maxDirectives: 10, maxTokens: 2_000, maxCost: 20_000 };

/**
 * Apollo options that refuse oversized operations with HTTP 400: depth, aliases, directives and cost through
 * graphql-armor's validation rules (GRAPHQL_VALIDATION_FAILED), tokens through graphql-js's own parser limit
 * (GRAPHQL_PARSE_FAILED). graphql-armor's token plugin is left off on purpose: it re-parses in `parsingDidStart`,
 * where any syntax error escapes as HTTP 500 instead of Apollo's 400. Field suggestions are hidden in production by
 * Apollo's own `hideSchemaDetailsFromClientErrors` (see createServer), so armor's masking plugin is off too.
 */
export function createAbuseLimits(limits: AbuseLimits): { validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return { validationRules: armor.protect().validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
