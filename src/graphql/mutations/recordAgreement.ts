import type { AgreementLinkInput, RecordAgreementInput } from '../generated/resolversTypes.js';
import type { ChangeModel } from '../../models/ChangeModel.js';
import type { Database } from '../../neo4j/Database.js';
import type { DocumentDraft } from './DocumentDraft.js';
import { loadCitedSource } from './loadCitedSource.js';
import { parseDraft } from './parseDraft.js';
import { toAttributeDrafts } from './toAttributeDrafts.js';
import { entityField } from './upsertEntity.js';
import { howKnown } from './howKnown.js';
import { withoutNulls } from './withoutNulls.js';
import { writeDocument } from './writeDocument.js';

/**
 * Restates `recordAgreement` in the seed vocabulary: an AGREEMENT entity with a `signedOn` attribute, `PARTY_TO`
 * and `SIGNATORY_OF` relations into it, `SIGNED_AT` and `CONCERNS` relations out of it. `relationFields[i]` is the
 * input field behind `document.relations[i]`.
 */
export function toAgreementDraft(
  input: RecordAgreementInput,
  source: unknown,
): DocumentDraft & { relationFields: string[] } {
  const problems: string[] = [];
  if (input.parties.length === 0) problems.push('input.parties: expected at least one party');
  const relations: Record<string, unknown>[] = [];
  const relationFields: string[] = [];
  const link = (field: string, type: string, linkInput: AgreementLinkInput, direction: 'in' | 'out') => {
    const role = linkInput.role === null || linkInput.role === undefined ? {} : { role: linkInput.role };
    const ends = direction === 'in' ? { from: linkInput.id, to: input.id } : { from: input.id, to: linkInput.id };
    relations.push({ type, ...ends, ...role, evidence: linkInput.excerpts, ...howKnown(linkInput) });
    relationFields.push(field);
  };
  input.parties.forEach((party, index) => link(`input.parties[${index}]`, 'PARTY_TO', party, 'in'));
  (input.signatories ?? []).forEach((signatory, index) =>
    link(`input.signatories[${index}]`, 'SIGNATORY_OF', signatory, 'in'),
  );
  if (input.signedAt) link('input.signedAt', 'SIGNED_AT', input.signedAt, 'out');
  (input.subjects ?? []).forEach((subject, index) => link(`input.subjects[${index}]`, 'CONCERNS', subject, 'out'));

  const attributes = toAttributeDrafts(input.attributes, 'input.attributes', problems);
  if (input.signedOn) {
    const { date, excerpts, qualifier } = input.signedOn;
    attributes.push({
      key: 'signedOn',
      value: date,
      ...withoutNulls({ qualifier }),
      evidence: excerpts,
      ...howKnown(input.signedOn),
    });
  }
  const signedOnIndex = input.signedOn ? attributes.length - 1 : -1;
  const agreementField = entityField('input');

  return {
    document: {
      source,
      entities: [
        {
          id: input.id,
          kind: 'AGREEMENT',
          names: withoutNulls(input.names),
          aliases: input.aliases ?? [],
          evidence: input.evidence.excerpts,
          attributes,
        },
      ],
      relations,
    },
    fieldOf: (path) => {
      const [section, index, name, ...rest] = path;
      if (section === 'relations') {
        const field = relationFields[Number(index)] ?? `input.relations[${String(index)}]`;
        if (name === 'evidence') return `${field}.excerpts${rest.length > 0 ? `[${String(rest[0])}]` : ''}`;
        return name === 'from' || name === 'to' ? `${field}.id` : `${field}.${String(name)}`;
      }
      if (name === 'attributes' && rest[0] === signedOnIndex) {
        if (rest[1] === 'evidence') return 'input.signedOn.excerpts';
        return `input.signedOn.${rest[1] === 'value' ? 'date' : String(rest[1])}`;
      }
      return agreementField(path);
    },
    problems,
    relationFields,
  };
}

/** Records an agreement with its parties, signatories, event, subjects and date in one transaction. */
export async function recordAgreement(db: Database, input: RecordAgreementInput, actor: string): Promise<ChangeModel> {
  const source = await loadCitedSource(db, input.evidence.sourceId, 'input.evidence.sourceId');
  const draft = toAgreementDraft(input, source);
  const document = parseDraft(draft);
  return writeDocument({
    db,
    document,
    actor,
    operation: 'recordAgreement',
    relationFields: draft.relationFields,
    citesStoredSource: true,
    fieldOf: draft.fieldOf,
  });
}
