import { Neo4jError } from 'neo4j-driver';
import { requireRole } from '../../auth/requireRole.js';
import { committedButUnread, invalidInput } from '../../errors.js';
import type { EntityModel } from '../../models/EntityModel.js';
import { addRelation } from '../mutations/addRelation.js';
import { addSource } from '../mutations/addSource.js';
import { recordAgreement } from '../mutations/recordAgreement.js';
import { retractFact } from '../mutations/retractFact.js';
import { submitSource } from '../mutations/submitSource.js';
import { upsertEntity } from '../mutations/upsertEntity.js';
import type { Context } from '../context.js';
import type { MutationResolvers } from '../generated/resolversTypes.js';

/** Re-reads an entity a mutation just wrote (a retracted one is not readable, so it cannot be returned). */
async function loadWritten({ loaders, readAhead }: Context, id: string, changeId: string): Promise<EntityModel> {
  readAhead.entities.invalidate(id);
  const entity = await readBack(changeId, () => loaders.entity.load(id));
  if (!entity) throw invalidInput([`input.id: ${id} is retracted; the write was kept but the entity stays hidden`]);
  return entity;
}

/**
 * Runs the read after a committed write: when the database fails it (down, busy, timed out), the answer says the
 * write landed, with its change id, so that nobody takes it for a failed write.
 */
async function readBack<T>(changeId: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Neo4jError) throw committedButUnread(changeId);
    throw error;
  }
}

/** Thin resolvers: check the role, hand the input to `src/graphql/mutations/`, read back what was written. */
export const mutationResolvers: MutationResolvers = {
  addSource: async (_, { input }, context) => {
    const { actor } = requireRole(context.principal, 'editor');
    const change = await addSource(context.db, input, actor);
    return { entity: await loadWritten(context, input.id, change.id), change };
  },
  upsertEntity: async (_, { input }, context) => {
    const { actor } = requireRole(context.principal, 'editor');
    const change = await upsertEntity(context.db, input, actor);
    return { entity: await loadWritten(context, input.id, change.id), change };
  },
  recordAgreement: async (_, { input }, context) => {
    const { actor } = requireRole(context.principal, 'editor');
    const change = await recordAgreement(context.db, input, actor);
    return { entity: await loadWritten(context, input.id, change.id), change };
  },
  addRelation: async (_, { input }, context) => {
    const { actor } = requireRole(context.principal, 'editor');
    const { relationId, change } = await addRelation(context.db, input, actor);
    const relations = await readBack(change.id, () =>
      context.loaders.relations.load({
        entityId: input.fromId,
        types: [input.type],
        direction: 'OUTGOING',
        first: 1000,
      }),
    );
    // Matched by what the id is made of: the id itself is read only when the operation selects `relation { id }`.
    const role = input.role ?? null;
    const relation = relations.find((candidate) => candidate.toId === input.toId && candidate.role === role);
    if (!relation)
      throw invalidInput([
        `input: the relation ${relationId} or one of its ends is retracted; the write was kept but stays hidden`,
      ]);
    return { relation, change };
  },
  submitSource: async (_, { input }, context) => {
    const { actor } = requireRole(context.principal, 'editor');
    const change = await submitSource(context.db, input, actor);
    for (const entity of input.entities ?? []) context.readAhead.entities.invalidate(entity.id);
    return { source: await loadWritten(context, input.source.id, change.id), change };
  },
  retractFact: async (_, { input }, context) => {
    const { actor } = requireRole(context.principal, 'admin');
    return retractFact(context.db, input, actor);
  },
};
