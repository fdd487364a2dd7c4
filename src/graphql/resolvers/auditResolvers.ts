import { requireRole } from '../../auth/requireRole.js';
import { requireIntInRange } from '../../errors.js';
import { readChanges } from '../../repositories/readChanges.js';
import { decodeChangeCursor, encodeChangeCursor } from '../changeCursor.js';
import type { QueryResolvers } from '../generated/resolversTypes.js';

const MAX_FIRST = 100;

/** `Query.changes`: the audit trail, for editors and admins. */
export const auditQueryResolvers: Pick<QueryResolvers, 'changes'> = {
  changes: async (_, { first, after }, { db, principal }) => {
    requireRole(principal, 'editor');
    const limit = requireIntInRange('first', first ?? 20, 1, MAX_FIRST);
    const rows = await readChanges(db, limit, after ? decodeChangeCursor(after) : null);
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeChangeCursor(node), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};
