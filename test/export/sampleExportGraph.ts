import type { ExportGraph } from '../../src/export/ExportGraph.js';

/** Names and excerpts with every character XML and CSV must escape, Cyrillic and Kazakh letters, and parallel edges. */
export const sampleExportGraph: ExportGraph = {
  truncated: true,
  nodes: [
    {
      id: 'organization/ktz',
      kind: 'ORGANIZATION',
      label: 'Қазақстан темір жолы <"КТЖ"> & \'Co\'',
      names: { en: 'Kazakhstan Temir Zholy & <Sons> "quoted" \'single\'', ru: 'Казахстан темир жолы', kk: 'Қазақстан темір жолы' },
      aliases: ['КТЖ', 'A "b" <c> & d', 'semi;colon,comma'],
    },
    {
      id: 'country/kazakhstan',
      kind: 'COUNTRY',
      label: 'Қазақстан',
      names: { en: null, ru: null, kk: 'Қазақстан' },
      aliases: [],
    },
    {
      id: 'agreement/two-lines',
      kind: 'AGREEMENT',
      label: 'Line one\nline two\twith tab',
      names: { en: 'Line one\nline two\twith tab', ru: 'Меморандум «о сотрудничестве»', kk: null },
      aliases: [],
    },
  ],
  edges: [
    {
      id: 'relation/ktz-based-in-kazakhstan',
      source: 'organization/ktz',
      target: 'country/kazakhstan',
      type: 'BASED_IN',
      label: 'based in',
      role: null,
      evidence: [
        { excerpt: 'АО «Қазақстан темір жолы» & <b>"x"</b> \'y\'\nнастоящая строка', sourceId: 'source/2025-09-09-krasnogorsk-business-forum' },
        { excerpt: 'second excerpt, with comma', sourceId: 'source/other' },
      ],
      basis: 'STATED',
      inference: null,
    },
    {
      id: 'relation/ktz-party-to-memorandum',
      source: 'organization/ktz',
      target: 'agreement/two-lines',
      type: 'PARTY_TO',
      label: '<signatory> & "party"',
      role: '<signatory> & "party"',
      evidence: [],
      basis: 'INFERRED',
      inference: 'Read from the <list> of "parties" & signatories.',
    },
    {
      id: 'relation/ktz-also-based-in-kazakhstan',
      source: 'organization/ktz',
      target: 'country/kazakhstan',
      type: 'OPERATES_IN',
      label: 'operates in',
      role: null,
      evidence: [{ excerpt: 'Қазақстан', sourceId: 'source/other' }],
      basis: 'STATED',
      inference: null,
    },
  ],
};
