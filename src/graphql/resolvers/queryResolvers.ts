import type { QueryResolvers } from '../generated/resolversTypes.js';
import { badUserInput, requireIntInRange } from '../../errors.js';
import { ENTITY_ID, ENTITY_KINDS } from '../../domain/entityKinds.js';
import { boundedList } from '../boundedList.js';
import { normalizeSearchQuery } from '../../nlp/normalizeSearchQuery.js';
import { toSearchKey } from '../../search/toSearchKey.js';
import type { AgreementQuery } from '../../repositories/createAgreementRepository.js';
import { MAX_NETWORK_DEPTH, MAX_PATH_HOPS } from '../../repositories/createGraphRepository.js';
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

  path: (_, { fromId, toId, maxHops }, { repositories }) =>
    repositories.graph.findPath(fromId, toId, requireIntInRange('maxHops', maxHops ?? 6, 1, MAX_PATH_HOPS)),

  network: async (_, { ids: sent, depth, limit, lang }, { repositories }) => {
    const ids = boundedList('ids', sent, MAX_NETWORK_IDS);
    if (ids.length === 0) throw badUserInput('ids', `1 to ${MAX_NETWORK_IDS} entity ids`, ids.length);
    const malformed = ids.find((id) => !ENTITY_ID.test(id));
    if (malformed !== undefined) throw badUserInput('ids', 'entity ids of the form kind/slug', malformed);
    const network = await repositories.graph.findNetwork(
      ids,
      requireIntInRange('depth', depth ?? 1, 1, MAX_NETWORK_DEPTH),
      requireIntInRange('limit', limit ?? 200, 1, MAX_NETWORK_LIMIT),
    );
    return { ...network, lang: lang ?? 'EN' };
  },
};
