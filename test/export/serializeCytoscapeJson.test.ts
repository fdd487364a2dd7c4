import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { serializeCytoscapeJson, type CytoscapeJson } from '../../src/export/serializeCytoscapeJson.js';
import { sampleExportGraph } from './sampleExportGraph.js';

describe('serializeCytoscapeJson', () => {
  const json = JSON.parse(serializeCytoscapeJson(sampleExportGraph)) as CytoscapeJson;

  it('keeps every node and edge with names, kinds, relation types and evidence', () => {
    expect(json.data.truncated).toBe(true);
    expect(json.elements.nodes.map((node) => node.data.id)).toEqual(sampleExportGraph.nodes.map((node) => node.id));
    expect(json.elements.nodes[0]?.data).toMatchObject({
      kind: 'ORGANIZATION',
      name_kk: 'Қазақстан темір жолы',
      aliases: sampleExportGraph.nodes[0]?.aliases,
    });
    expect(json.elements.nodes[1]?.data.name_en).toBeNull();
    expect(json.elements.edges.map((edge) => edge.data.type)).toEqual(['BASED_IN', 'PARTY_TO', 'OPERATES_IN']);
    expect(json.elements.edges[0]?.data.evidence).toEqual(sampleExportGraph.edges[0]?.evidence);
  });

  it('loads into Cytoscape.js as the same graph', () => {
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(sampleExportGraph.nodes.length);
    expect(cy.edges().length).toBe(sampleExportGraph.edges.length);
    expect(cy.getElementById('organization/ktz').data('label')).toBe(sampleExportGraph.nodes[0]?.label);
    expect(cy.getElementById('organization/ktz').outgoers('edge').length).toBe(3);
  });
});
