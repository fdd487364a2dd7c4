import { requireIntInRange } from '../../errors.js';
import { readMostConnectedIds } from '../../repositories/readMostConnectedIds.js';
import type { QueryResolvers } from '../generated/resolversTypes.js';

const MAX_FIRST = 50;

/** `Query.mostConnectedIds`: where an overview of the graph starts. */
export const overviewQueryResolvers: Pick<QueryResolvers, 'mostConnectedIds'> = {
  mostConnectedIds: (_, { first }, { db }) =>
    readMostConnectedIds(db, requireIntInRange('first', first ?? 10, 1, MAX_FIRST)),
};
