import { describe, expect, it } from 'vitest';
import { serializeGexf } from '../../src/export/serializeGexf.js';
import { attr, child, children, readXml, text, type XmlElement } from './readXml.js';
import { sampleExportGraph } from './sampleExportGraph.js';

function attvalues(element: XmlElement): Record<string, string> {
  const values = element['attvalues'];
  if (values === undefined || typeof values === 'string' || Array.isArray(values)) return {};
  return Object.fromEntries(children(values, 'attvalue').map((value) => [attr(value, 'for'), attr(value, 'value')]));
}

describe('serializeGexf', () => {
  const gexf = child(readXml(serializeGexf(sampleExportGraph)), 'gexf');
  const graph = child(gexf, 'graph');
  const nodes = children(child(graph, 'nodes'), 'node');
  const edges = children(child(graph, 'edges'), 'edge');

  it('writes GEXF 1.3 with a directed graph holding every node and edge and their ids', () => {
    expect(attr(gexf, 'version')).toBe('1.3');
    expect(attr(graph, 'defaultedgetype')).toBe('directed');
    expect(nodes.map((node) => attr(node, 'id'))).toEqual(sampleExportGraph.nodes.map((node) => node.id));
    expect(edges.map((edge) => [attr(edge, 'id'), attr(edge, 'source'), attr(edge, 'target')])).toEqual(
      sampleExportGraph.edges.map((edge) => [edge.id, edge.source, edge.target]),
    );
  });

  it('says in the meta description that the network was truncated', () => {
    expect(text(child(child(gexf, 'meta'), 'description'))).toContain('truncated');
  });

  it('declares the node and edge attributes as strings', () => {
    const declared = children(graph, 'attributes').flatMap((group) =>
      children(group, 'attribute').map(
        (attribute) => `${attr(group, 'class')}:${attr(attribute, 'id')}:${attr(attribute, 'type')}`,
      ),
    );
    expect(declared.sort()).toEqual(
      [
        ...[
          'kind',
          'name_en',
          'name_ru',
          'name_kk',
          'aliases',
          'start',
          'degree',
          'betweenness',
          'community',
          'attributes',
          'evidence',
        ].map((name) => `node:${name}`),
        ...['relation_type', 'role', 'date', 'evidence', 'basis', 'inference'].map((name) => `edge:${name}`),
      ]
        .map((name) => `${name}:string`)
        .sort(),
    );
  });

  it('carries labels, names and kinds with markup characters, line breaks and Kazakh letters intact', () => {
    const [ktz, kazakhstan, twoLines] = sampleExportGraph.nodes;
    expect(nodes.map((node) => attr(node, 'label'))).toEqual([ktz?.label, kazakhstan?.label, twoLines?.label]);
    expect(attvalues(nodes[0] ?? {})).toEqual({
      kind: 'ORGANIZATION',
      name_en: ktz?.names.en,
      name_ru: ktz?.names.ru,
      name_kk: ktz?.names.kk,
      aliases: JSON.stringify(ktz?.aliases),
      degree: '2',
      betweenness: '0.5',
      community: '0',
      attributes: JSON.stringify(ktz?.attributes),
      evidence: '[]',
    });
    expect(attvalues(nodes[1] ?? {})).toEqual({
      kind: 'COUNTRY',
      name_kk: 'Қазақстан',
      aliases: '[]',
      degree: '2',
      betweenness: '0.5',
      community: '0',
      attributes: '[]',
      evidence: '[]',
    });
  });

  it('is a dynamic graph whose agreements and dated edges start at their date, a year or month at its first day', () => {
    expect([attr(graph, 'mode'), attr(graph, 'timeformat'), attr(graph, 'defaultedgetype')]).toEqual([
      'dynamic',
      'date',
      'directed',
    ]);
    const start = (element: XmlElement) => element['@_start'] ?? null;
    expect(nodes.map(start)).toEqual([null, null, '2025-09-09']);
    expect(edges.map(start)).toEqual([null, '2025-09-09', '2024-01-01']);
    const undirected = readXml(serializeGexf({ ...sampleExportGraph, directed: false }));
    expect(attr(child(child(undirected, 'gexf'), 'graph'), 'defaultedgetype')).toBe('undirected');
  });

  it('carries relation types, labels, roles and evidence excerpts with their sources', () => {
    expect(edges.map((edge) => attr(edge, 'label'))).toEqual(sampleExportGraph.edges.map((edge) => edge.label));
    const values = edges.map(attvalues);
    expect(values.map((value) => value['relation_type'])).toEqual(['BASED_IN', 'PARTY_TO', 'OPERATES_IN']);
    expect(values[1]?.['role']).toBe('<signatory> & "party"');
    expect(values.map((value) => value['basis'])).toEqual(['STATED', 'INFERRED', 'STATED']);
    expect(values[1]?.['inference']).toBe('Read from the <list> of "parties" & signatories.');
    expect(JSON.parse(values[0]?.['evidence'] ?? '')).toEqual(sampleExportGraph.edges[0]?.evidence);
  });

  it('writes text that looks like markup or an entity, and line breaks in attributes, so that they read back as written', () => {
    const [node] = sampleExportGraph.nodes;
    if (!node) throw new Error('sample has nodes');
    const label = 'A &amp; B &lt;c&gt; &#65;\nsecond line\ttab';
    const xml = serializeGexf({ ...sampleExportGraph, nodes: [{ ...node, label }], edges: [] });
    expect(xml).toContain('label="A &amp;amp; B &amp;lt;c&amp;gt; &amp;#65;&#xA;second line&#x9;tab"');
    const [parsed] = children(child(child(child(readXml(xml), 'gexf'), 'graph'), 'nodes'), 'node');
    expect(parsed && attr(parsed, 'label')).toBe(label);
  });
});
