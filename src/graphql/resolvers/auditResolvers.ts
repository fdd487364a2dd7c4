import { requireRole } from '../../auth/requireRole.js';
import { requireIntInRange } from '../../errors.js';
import { readChange } from '../../repositories/readChange.js';
import { readChanges } from '../../repositories/readChanges.js';
import { decodeChangeCursor, encodeChangeCursor } from '../changeCursor.js';
import type { QueryResolvers } from '../generated/resolversTypes.js';

const MAX_FIRST = 100;

/** `Query.changes` and `Query.change`: the audit trail, for editors and admins. */
export const auditQueryResolvers: Pick<QueryResolvers, 'changes' | 'change'> = {
  changes: async (_, { first, after }, { db, principal }) => {
    requireRole(principal, 'editor');
    const limit = requireIntInRange('first', first ?? 20, 1, MAX_FIRST);
    const rows = await readChanges(db, limit, after ? decodeChangeCursor(after) : null);
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeChangeCursor(node), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  },
  change: async (_, { id }, { db, principal }) => {
    requireRole(principal, 'editor');
    return readChange(db, id);
  },
};
