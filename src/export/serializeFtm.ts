import type { FtmEntity } from '../ftm/FtmEntity.js';
import { ftmId } from '../ftm/ftmId.js';
import type { ExportEdge, ExportEvidence, ExportGraph, ExportNode } from './ExportGraph.js';

/** Our kinds as FtM schemata; kinds absent here (statements, sources) are not exported, nor their relations. */
const SCHEMA_OF_KIND: Readonly<Record<string, string>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Territory',
  REGION: 'Territory',
  EVENT: 'Event',
  AGREEMENT: 'Contract',
  PROJECT: 'Project',
  FACILITY: 'RealEstate',
};

/** Legal forms (the `legalForm` attribute) that make an organization an FtM Company. */
const COMPANY_FORMS = new Set(['АО', 'ТОО', 'ООО', 'ПАО', 'ЗАО', 'JSC', 'LLP', 'LLC']);

/** Relation types with an FtM relationship schema of their own: schema, and the property names of `from` and `to`. */
const LINK_OF_TYPE: Readonly<Record<string, { schema: string; from: string; to: string }>> = {
  HOLDS_OFFICE: { schema: 'Directorship', from: 'director', to: 'organization' },
  PRESS_SERVICE_OF: { schema: 'Representation', from: 'agent', to: 'client' },
};

/**
 * The network as FollowTheMoney entities, one JSON object a line (the `ftm` tools' and Aleph's bulk format):
 * entities as Person, Organization (Company when the legal form says so, PublicBody for a government), Territory,
 * Event, Contract, Project, RealEstate; relations as Directorship, Representation or UnknownLink (`role` = the
 * relation type, and its role). Every entity and link carries its evidence: `summary` the verbatim excerpts,
 * `sourceUrl`, `publisher` and (links) `date`, so that a reader sees where each fact comes from.
 */
export function* writeFtm(graph: ExportGraph): Generator<string> {
  const exported = new Set<string>();
  for (const node of graph.nodes) {
    const entity = toFtmEntity(node);
    if (!entity) continue;
    exported.add(node.id);
    yield `${JSON.stringify(entity)}\n`;
  }
  for (const edge of graph.edges) {
    if (!exported.has(edge.source) || !exported.has(edge.target)) continue;
    yield `${JSON.stringify(toFtmLink(edge))}\n`;
  }
}

function toFtmEntity(node: ExportNode): FtmEntity | null {
  let schema = SCHEMA_OF_KIND[node.kind];
  if (schema === undefined) return null;
  const legalForm = node.attributes.find((attribute) => attribute.key === 'legalForm')?.value;
  if (schema === 'Organization' && legalForm && COMPANY_FORMS.has(legalForm)) schema = 'Company';
  if (schema === 'Organization' && node.id.startsWith('organization/government-')) schema = 'PublicBody';
  const names = [node.names.en, node.names.ru, node.names.kk].filter((name): name is string => name !== null);
  const properties: Record<string, string[]> = {
    name: unique(names.length > 0 ? names : [node.label]),
    ...citations([...node.evidence, ...node.attributes.flatMap((attribute) => attribute.evidence)]),
  };
  if (node.aliases.length > 0) properties['alias'] = unique(node.aliases);
  if (legalForm && (schema === 'Company' || schema === 'Organization' || schema === 'PublicBody'))
    properties['legalForm'] = [legalForm];
  if (schema === 'Contract') {
    properties['title'] = properties['name']!;
    if (node.start) properties['contractDate'] = [node.start];
  }
  if (schema === 'Event' && node.start) properties['date'] = [node.start];
  return { id: ftmId(node.id), schema, properties };
}

function toFtmLink(edge: ExportEdge): FtmEntity {
  const link = LINK_OF_TYPE[edge.type] ?? { schema: 'UnknownLink', from: 'subject', to: 'object' };
  const role = link.schema === 'UnknownLink' ? [edge.type, edge.role] : [edge.role];
  const properties: Record<string, string[]> = {
    [link.from]: [ftmId(edge.source)],
    [link.to]: [ftmId(edge.target)],
    ...citations(edge.evidence),
  };
  const roles = role.filter((value): value is string => value !== null);
  if (roles.length > 0) properties['role'] = roles;
  if (edge.date) properties['date'] = [edge.date];
  return { id: ftmId(edge.id), schema: link.schema, properties };
}

/** Evidence as FtM provenance properties; absent when there is none. */
function citations(evidence: readonly ExportEvidence[]): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  const summary = unique(evidence.map((item) => item.excerpt));
  const urls = unique(evidence.flatMap((item) => (item.url ? [item.url] : [])));
  const publishers = unique(evidence.flatMap((item) => (item.publisher ? [item.publisher] : [])));
  if (summary.length > 0) properties['summary'] = summary;
  if (urls.length > 0) properties['sourceUrl'] = urls;
  if (publishers.length > 0) properties['publisher'] = publishers;
  return properties;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `writeFtm` as one string. */
export function serializeFtm(graph: ExportGraph): string {
  return [...writeFtm(graph)].join('');
}
