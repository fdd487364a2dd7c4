import type { OfficeModel } from '../../models/OfficeModel.js';
import type { RelationModel } from '../../models/RelationModel.js';
import type { OfficeResolvers, PersonResolvers } from '../generated/resolversTypes.js';
import type { Context } from '../context.js';
import { entityFields } from './entityFields.js';
import { RELATION_FIELDS } from '../relationFields.js';
import { loadEntityById, loadEvidence, loadFieldRelations, loadRelated } from './loading.js';

export const personResolvers: PersonResolvers = {
  ...entityFields,
  offices: async (person, _, context) => {
    const relations = await loadFieldRelations(context, person.id, RELATION_FIELDS.Person.offices);
    return toOffices(context, relations);
  },
  statements: (person, _, context) => loadRelated(context, person.id, RELATION_FIELDS.Person.statements),
};

export const officeResolvers: OfficeResolvers = {
  jurisdiction: (office, _, context) => (office.jurisdictionId ? loadEntityById(context, office.jurisdictionId) : null),
  organization: (office, _, context) => (office.organizationId ? loadEntityById(context, office.organizationId) : null),
  accreditedTo: (office, _, context) => (office.accreditedToId ? loadEntityById(context, office.accreditedToId) : null),
  evidence: (office, _, context) => loadEvidence(context, office.evidenceIds),
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
