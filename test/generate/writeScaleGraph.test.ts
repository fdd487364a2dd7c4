import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScaleDocument } from '../../src/generate/generateScaleDocument.js';
import { scaleCounts } from '../../src/generate/scaleCounts.js';
import { writeScaleGraph, type ScaleGraphManifest } from '../../src/generate/writeScaleGraph.js';
import { findMissingExcerpts } from '../../src/seed/findMissingExcerpts.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { readSourceDocuments } from '../../src/seed/readSourceDocuments.js';

let outDir: string;
let manifest: ScaleGraphManifest;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-generate-'));
  manifest = await writeScaleGraph(1, outDir);
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('writeScaleGraph', () => {
  it('writes about 1,000 entities and 5,000 relations at scale 1', () => {
    expect(manifest.entities).toBeGreaterThan(900);
    expect(manifest.entities).toBeLessThan(1100);
    expect(manifest.relations).toBeGreaterThan(4000);
    expect(manifest.relations).toBeLessThan(6000);
  });

  it('writes documents that the seed reader accepts and whose relations all reach declared entities', async () => {
    const files = await readSourceDocuments(manifest.documentsDir);
    expect(files).toHaveLength(manifest.counts.documents);
    const plan = planGraphWrite(files);
    expect(plan.externalIds).toEqual([]);
    expect(plan.entities).toHaveLength(manifest.entities);
  });

  it('quotes every excerpt verbatim from its source text', async () => {
    const files = await readSourceDocuments(manifest.documentsDir);
    for (const { file, document } of files) {
      const text = await readFile(path.join(manifest.textsDir, path.basename(file).replace('.json', '.txt')), 'utf8');
      expect(findMissingExcerpts(files, document.source.id, text)).toEqual([]);
    }
  });

  it('uses only synthetic ids, which no curated seed uses', async () => {
    const files = await readSourceDocuments(manifest.documentsDir);
    const ids = files.flatMap(({ document }) => [document.source.id, ...document.entities.map((entity) => entity.id)]);
    expect(ids.every((id) => /^[a-z]+\/syn-\d+$/.test(id))).toBe(true);
  });

  it('makes a few organizations party to far more agreements than the rest', async () => {
    const files = await readSourceDocuments(manifest.documentsDir);
    const degree = new Map<string, number>();
    for (const { document } of files) {
      for (const relation of document.relations) {
        if (relation.type === 'PARTY_TO' && relation.from.startsWith('organization/'))
          degree.set(relation.from, (degree.get(relation.from) ?? 0) + 1);
      }
    }
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(sorted[0]!).toBeGreaterThan(20 * median);
  });
});

describe('generateScaleDocument', () => {
  it('gives the same document for the same scale and index', () => {
    const counts = scaleCounts(3);
    expect(generateScaleDocument(counts, 7)).toEqual(generateScaleDocument(counts, 7));
  });

  it('gives agreements two to five parties', () => {
    const { document } = generateScaleDocument(scaleCounts(2), 0);
    const parties = new Map<string, number>();
    for (const relation of document.relations ?? [])
      if (relation.type === 'PARTY_TO') parties.set(relation.to, (parties.get(relation.to) ?? 0) + 1);
    expect(parties.size).toBeGreaterThan(0);
    expect([...parties.values()].every((count) => count >= 2 && count <= 5)).toBe(true);
  });
});
