import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { serializeCsvZip } from '../../src/export/serializeCsvZip.js';
import { sampleExportGraph } from './sampleExportGraph.js';

function readCsv(bytes: Uint8Array | undefined): Record<string, string>[] {
  if (!bytes) throw new Error('file missing from the zip');
  return parse(strFromU8(bytes), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

describe('serializeCsvZip', () => {
  const files = unzipSync(serializeCsvZip(sampleExportGraph));
  const nodes = readCsv(files['nodes.csv']);
  const edges = readCsv(files['edges.csv']);

  it('zips exactly nodes.csv, edges.csv and graph.csv, each starting with a UTF-8 byte-order mark', () => {
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'graph.csv', 'nodes.csv']);
    for (const bytes of Object.values(files)) expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsv(files['graph.csv'])).toEqual([{ truncated: 'true', directed: 'true' }]);
  });

  it('lists every node with its names, kind and aliases, quoting commas, quotes and line breaks', () => {
    expect(nodes.map((node) => node['id'])).toEqual(sampleExportGraph.nodes.map((node) => node.id));
    const [ktz, kazakhstan, twoLines] = sampleExportGraph.nodes;
    expect(nodes[0]).toEqual({
      id: 'organization/ktz',
      label: ktz?.label,
      kind: 'ORGANIZATION',
      name_en: ktz?.names.en,
      name_ru: ktz?.names.ru,
      name_kk: ktz?.names.kk,
      aliases: JSON.stringify(ktz?.aliases),
      start: '',
      degree: '2',
      betweenness: '0.5',
      community: '0',
      attributes: JSON.stringify(ktz?.attributes),
      evidence: '[]',
    });
    expect(nodes[2]?.['start']).toBe('2025-09-09');
    expect(nodes[1]).toMatchObject({ label: kazakhstan?.label, name_en: '', name_ru: '', name_kk: 'Қазақстан' });
    expect(nodes[2]?.['label']).toBe(twoLines?.label);
  });

  it('lists every edge with its ends, relation type, role and evidence excerpts', () => {
    expect(edges.map((edge) => [edge['id'], edge['source'], edge['target'], edge['relation_type']])).toEqual(
      sampleExportGraph.edges.map((edge) => [edge.id, edge.source, edge.target, edge.type]),
    );
    expect(edges[1]?.['role']).toBe('<signatory> & "party"');
    expect(edges.map((edge) => edge['basis'])).toEqual(['STATED', 'INFERRED', 'STATED']);
    expect(edges.map((edge) => edge['date'])).toEqual(['', '2025-09-09', '2024']);
    expect(JSON.parse(edges[0]?.['evidence'] ?? '')).toEqual(sampleExportGraph.edges[0]?.evidence);
  });
});
