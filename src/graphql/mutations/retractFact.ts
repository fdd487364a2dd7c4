import { randomUUID } from 'node:crypto';
import { invalidInput } from '../../errors.js';
import type { RetractFactInput } from '../generated/resolversTypes.js';
import type { RetractionModel } from '../../models/RetractionModel.js';
import type { Database } from '../../neo4j/Database.js';
import { retractFactById } from '../../repositories/retractFactById.js';

const MAX_REASON = 1000;

/** Retracts an entity, relation or attribute by id, keeping it with who retracted it and why. */
export async function retractFact(db: Database, input: RetractFactInput, actor: string): Promise<RetractionModel> {
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > MAX_REASON)
    throw invalidInput([`input.reason: expected a reason of 3 to ${MAX_REASON} characters`]);
  const changeId = randomUUID();
  const at = new Date().toISOString();
  const retraction = await retractFactById(db, { id: input.id, reason, actor, changeId, at });
  if (!retraction)
    throw invalidInput([`input.id: no entity, relation or attribute has the id ${JSON.stringify(input.id)}`]);
  const ids = { ENTITY: 'entityIds', RELATION: 'relationIds', ATTRIBUTE: 'attributeIds' } as const;
  const change = {
    id: changeId,
    actor,
    operation: 'retractFact',
    at,
    entityIds: [],
    relationIds: [],
    attributeIds: [],
    reason,
  };
  return { ...retraction, change: { ...change, [ids[retraction.kind]]: [retraction.id] } };
}
