import type { QueryResolvers } from '../generated/resolversTypes.js';
import { badUserInput, notFound, requireIntInRange } from '../../errors.js';
import { ENTITY_ID, ENTITY_KINDS } from '../../domain/entityKinds.js';
import { relationTypeSchema } from '../../seed/sourceDocument.js';
import { MAX_RELATION_TYPES } from '../fields/relationLimits.js';
import { NO_NETWORK_FILTER, type NetworkFilter } from '../../repositories/NetworkFilter.js';
import type { NetworkFilter as NetworkFilterInput } from '../generated/resolversTypes.js';
import { boundedList } from '../boundedList.js';
import { normalizeSearchQuery } from '../../nlp/normalizeSearchQuery.js';
import { toSearchKey } from '../../search/toSearchKey.js';
import type { AgreementQuery } from '../../repositories/createAgreementRepository.js';
import { MAX_PATH_HOPS, type GraphRepository } from '../../repositories/createGraphRepository.js';
import { MAX_NETWORK_DEPTH } from '../../repositories/networkStatement.js';
import type { NetworkModel } from '../../models/NetworkModel.js';
import { decodeAgreementCursor } from '../agreementCursor.js';
import { planIncludes } from '../planIncludes.js';
import { selectsField } from '../selectsField.js';
import { loadEntity } from './loading.js';

const MAX_FIRST = 100;
const MAX_NETWORK_LIMIT = 5000;
const MAX_NETWORK_IDS = 50;

export const queryResolvers: QueryResolvers = {
  node: (_, { id }, context, info) => loadEntity(context, id, planIncludes(info)),
  entity: (_, { id }, context, info) => loadEntity(context, id, planIncludes(info)),
  sources: (_, __, { repositories }) => repositories.entities.findAllOfKind('SOURCE'),

  search: async (_, { query, kinds, first }, { repositories, nameNormalizer }) => {
    toSearchKey('query', query);
    const limit = requireIntInRange('first', first ?? 10, 1, MAX_FIRST);
    const kindList = kinds ? boundedList('kinds', kinds, ENTITY_KINDS.length) : null;
    const keys = await normalizeSearchQuery('query', query, nameNormalizer ?? null);
    return repositories.search.search({ ...keys, kinds: kindList, first: limit });
  },

  agreements: async (_, { filter, first, after }, { repositories }, info) => {
    const limit = requireIntInRange('first', first ?? 20, 0, MAX_FIRST);
    const words = filter?.text ? toSearchKey('filter.text', filter.text).split(' ') : null;
    const query: AgreementQuery = {
      partyId: filter?.partyId ?? null,
      signatoryId: filter?.signatoryId ?? null,
      eventId: filter?.eventId ?? null,
      placeId: filter?.placeId ?? null,
      signedFrom: filter?.signedFrom ?? null,
      signedTo: filter?.signedTo ?? null,
      words: words && words.length > 0 ? words : null,
      after: after ? decodeAgreementCursor(after) : null,
      first: limit,
      // Counting every match costs a second pass over the candidates; skip it when nobody reads it.
      withTotalCount: selectsField(info, 'totalCount'),
    };
    const { rows, totalCount } = await repositories.agreements.findPage(query, planIncludes(info, ['edges', 'node']));
    const edges = rows.slice(0, limit).map((row) => ({ position: row.position, node: row.agreement }));
    return { edges, hasNextPage: rows.length > limit, totalCount: totalCount ?? 0 };
  },

  path: async (_, { fromId, toId, maxHops }, { repositories }) => {
    const path = await repositories.graph.findPath(
      fromId,
      toId,
      requireIntInRange('maxHops', maxHops ?? 6, 1, MAX_PATH_HOPS),
    );
    if (path !== null) return path;
    // Only a missing path costs the second read: it tells "not connected" from "no such entity".
    const missing = await repositories.graph.findMissingIds([...new Set([fromId, toId])]);
    if (missing.length > 0) throw notFound(missing.length === 2 || missing[0] === fromId ? 'fromId' : 'toId', missing);
    return null;
  },

  network: async (_, { ids: sent, depth, limit, lang, filter }, { repositories }) => {
    const ids = boundedList('ids', sent, MAX_NETWORK_IDS);
    if (ids.length === 0) throw badUserInput('ids', `1 to ${MAX_NETWORK_IDS} entity ids`, ids.length);
    const malformed = ids.find((id) => !ENTITY_ID.test(id));
    if (malformed !== undefined) throw badUserInput('ids', 'entity ids of the form kind/slug', malformed);
    const network = await repositories.graph.findNetwork(
      ids,
      requireIntInRange('depth', depth ?? 1, 1, MAX_NETWORK_DEPTH),
      requireIntInRange('limit', limit ?? 200, 1, MAX_NETWORK_LIMIT),
      toNetworkFilter(filter),
    );
    await requireFound(repositories.graph, ids, network);
    return { ...network, lang: lang ?? 'EN' };
  },
};

/**
 * Throws NOT_FOUND naming the start ids that are no entity. A start absent from an untruncated answer is one; when
 * `limit` cut the answer, a start may have been cut too, so the graph is asked.
 */
async function requireFound(graph: GraphRepository, ids: readonly string[], network: NetworkModel): Promise<void> {
  const found = new Set(network.entities.map((entity) => entity.id));
  const absent = ids.filter((id) => !found.has(id));
  if (absent.length === 0) return;
  const missing = network.truncated ? await graph.findMissingIds(absent) : absent;
  if (missing.length > 0) throw notFound('ids', missing);
}

/** Checks `network(filter:)`: bounded lists of well-formed types and kinds, and a range that is not reversed. */
export function toNetworkFilter(input: NetworkFilterInput | null | undefined): NetworkFilter {
  if (!input) return NO_NETWORK_FILTER;
  const types = input.types ? boundedList('filter.types', input.types, MAX_RELATION_TYPES) : null;
  const malformed = types?.find((type) => !relationTypeSchema.safeParse(type).success);
  if (malformed !== undefined)
    throw badUserInput('filter.types', 'UPPER_SNAKE_CASE relation types such as "PARTY_TO"', malformed);
  const kinds = input.kinds ? boundedList('filter.kinds', input.kinds, ENTITY_KINDS.length) : null;
  const excludeKinds = input.excludeKinds
    ? boundedList('filter.excludeKinds', input.excludeKinds, ENTITY_KINDS.length)
    : null;
  const from = input.from ?? null;
  const to = input.to ?? null;
  if (from !== null && to !== null && from > to)
    throw badUserInput('filter.to', `a date on or after filter.from (${from})`, to);
  return { types, kinds, excludeKinds, from, to };
}
