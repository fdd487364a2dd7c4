import type { OfficeModel } from '../../models/OfficeModel.js';
import type { RelationModel } from '../../models/RelationModel.js';
import type { PersonResolvers } from '../generated/resolversTypes.js';
import type { Context } from '../context.js';
import { resolverOf } from '../fields/resolverOf.js';
import { FIELD_REGISTRY } from '../fields/fieldRegistry.js';
import { whenLoaded } from './loading.js';

const officeRelations = resolverOf(FIELD_REGISTRY.Person!.offices!) as (
  person: unknown,
  args: unknown,
  context: Context,
) => RelationModel[] | Promise<RelationModel[]>;

/** What the registry cannot say of a person: how `offices` pairs its relations into offices. */
export const personResolvers: PersonResolvers = {
  offices: (person, args, context) =>
    whenLoaded(officeRelations(person, args, context), (relations) => toOffices(context, relations)),
};

/**
 * One office per `HOLDS_OFFICE` title: its target is the jurisdiction (a region or country) or the organization,
 * and an `ACCREDITED_TO` relation with the same title names the country an ambassador is accredited to.
 */
async function toOffices(context: Context, relations: RelationModel[]): Promise<OfficeModel[]> {
  const held = relations.filter((relation) => relation.type === 'HOLDS_OFFICE');
  const targets = await context.loaders.entity.loadMany(held.map((relation) => relation.toId));
  return held.map((relation, index) => {
    const target = targets[index];
    const isOrganization = target !== null && !(target instanceof Error) && target?.kind === 'ORGANIZATION';
    const accreditation = relations.find((other) => other.type === 'ACCREDITED_TO' && other.role === relation.role);
    return {
      title: relation.role ?? 'office',
      jurisdictionId: isOrganization ? null : relation.toId,
      organizationId: isOrganization ? relation.toId : null,
      accreditedToId: accreditation?.toId ?? null,
      evidenceIds: [...new Set([...relation.evidenceIds, ...(accreditation?.evidenceIds ?? [])])],
    };
  });
}
