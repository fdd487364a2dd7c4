import { describe, expect, it } from 'vitest';
import { serializeGraphml } from '../../src/export/serializeGraphml.js';
import { attr, child, children, readXml, text, type XmlElement } from './readXml.js';
import { sampleExportGraph } from './sampleExportGraph.js';

/** Each `<data>` of an element by its key's `attr.name`. */
function dataByName(element: XmlElement, keyNames: Map<string, string>): Record<string, string> {
  return Object.fromEntries(
    children(element, 'data').map((data) => [keyNames.get(attr(data, 'key')) ?? '?', text(data)]),
  );
}

describe('serializeGraphml', () => {
  const graphml = child(readXml(serializeGraphml(sampleExportGraph)), 'graphml');
  const keyNames = new Map(children(graphml, 'key').map((key) => [attr(key, 'id'), attr(key, 'attr.name')]));
  const graph = child(graphml, 'graph');

  it('writes a directed graph with every node and edge and their ids', () => {
    expect(attr(graph, 'edgedefault')).toBe('directed');
    expect(children(graph, 'node').map((node) => attr(node, 'id'))).toEqual(
      sampleExportGraph.nodes.map((node) => node.id),
    );
    expect(
      children(graph, 'edge').map((edge) => [attr(edge, 'id'), attr(edge, 'source'), attr(edge, 'target')]),
    ).toEqual(sampleExportGraph.edges.map((edge) => [edge.id, edge.source, edge.target]));
  });

  it('declares every attribute as a string key and truncated as a boolean graph key', () => {
    const types = new Map(
      children(graphml, 'key').map((key) => [`${attr(key, 'for')}:${attr(key, 'attr.name')}`, attr(key, 'attr.type')]),
    );
    expect(types.get('graph:truncated')).toBe('boolean');
    for (const name of [
      'label',
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
    ])
      expect(types.get(`node:${name}`)).toBe('string');
    for (const name of ['relation_type', 'label', 'role', 'date', 'evidence', 'basis', 'inference'])
      expect(types.get(`edge:${name}`)).toBe('string');
    expect(dataByName(graph, keyNames)).toEqual({ truncated: 'true' });
  });

  it('carries names, kinds and aliases with markup characters and Kazakh letters intact', () => {
    const [ktz, kazakhstan, twoLines] = children(graph, 'node').map((node) => dataByName(node, keyNames));
    const [source] = sampleExportGraph.nodes;
    expect(ktz).toEqual({
      label: source?.label,
      kind: 'ORGANIZATION',
      name_en: source?.names.en,
      name_ru: source?.names.ru,
      name_kk: source?.names.kk,
      aliases: JSON.stringify(source?.aliases),
      degree: '2',
      betweenness: '0.5',
      community: '0',
      attributes: JSON.stringify(source?.attributes),
      evidence: '[]',
    });
    expect(kazakhstan).toMatchObject({ label: 'Қазақстан', kind: 'COUNTRY', name_kk: 'Қазақстан', aliases: '[]' });
    expect(twoLines?.['label']).toBe('Line one\nline two\twith tab');
  });

  it('carries relation types, roles and evidence excerpts with their sources', () => {
    const edges = children(graph, 'edge').map((edge) => dataByName(edge, keyNames));
    expect(edges.map((edge) => edge['relation_type'])).toEqual(['BASED_IN', 'PARTY_TO', 'OPERATES_IN']);
    expect(edges[1]?.['role']).toBe('<signatory> & "party"');
    expect(edges.map((edge) => edge['basis'])).toEqual(['STATED', 'INFERRED', 'STATED']);
    expect(edges[0]?.['role']).toBeUndefined();
    expect(JSON.parse(edges[0]?.['evidence'] ?? '')).toEqual(sampleExportGraph.edges[0]?.evidence);
  });

  it('replaces characters XML cannot carry instead of writing an unreadable file', () => {
    const [node] = sampleExportGraph.nodes;
    if (!node) throw new Error('sample has nodes');
    const xml = serializeGraphml({
      ...sampleExportGraph,
      nodes: [{ ...node, label: 'bell\u0007 and \uD800 lone' }],
      edges: [],
    });
    const [parsed] = children(child(child(readXml(xml), 'graphml'), 'graph'), 'node');
    expect(parsed && dataByName(parsed, keyNames)['label']).toBe('bell\uFFFD and \uFFFD lone');
  });

  it('writes text that looks like an entity so that it reads back as written', () => {
    const [node] = sampleExportGraph.nodes;
    if (!node) throw new Error('sample has nodes');
    const xml = serializeGraphml({ ...sampleExportGraph, nodes: [{ ...node, label: 'A &amp; B &#65;' }], edges: [] });
    expect(xml).toContain('>A &amp;amp; B &amp;#65;</data>');
    const [parsed] = children(child(child(readXml(xml), 'graphml'), 'graph'), 'node');
    expect(parsed && dataByName(parsed, keyNames)['label']).toBe('A &amp; B &#65;');
  });
});
