import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectionShapeOf } from '../../src/graphql/projectionShapeOf.js';

describe('projectionShapeOf', () => {
  const NOTHING = { aliases: false, evidence: false, text: false, signedOn: false, sourceMetadata: false };

  it('leaves out every optional value when no field reads it', () => {
    expect(projectionShapeOf(parse('{ agreements { edges { node { id name parties { role party { id } } } } } }'))).toEqual(NOTHING);
  });

  it('keeps evidence ids for an evidence field at any depth, inside fragments too', () => {
    const document = parse(`
      query { entity(id: "x") { ...Parties } }
      fragment Parties on Agreement { parties { ... on AgreementParty { evidence { excerpt } } } }
    `);
    expect(projectionShapeOf(document)).toEqual({ ...NOTHING, evidence: true });
  });

  it('keeps aliases when they are selected, also under an alias of their own', () => {
    expect(projectionShapeOf(parse('{ search(query: "ktz") { entity { otherNames: aliases } } }'))).toEqual({ ...NOTHING, aliases: true });
  });

  it('keeps signing dates and statement texts only where they are selected', () => {
    expect(projectionShapeOf(parse('{ agreements { edges { node { signedOn } } } }'))).toEqual({ ...NOTHING, signedOn: true });
    expect(projectionShapeOf(parse('{ entity(id: "x") { ... on Statement { text } } }'))).toEqual({ ...NOTHING, text: true });
  });

  it('keeps source metadata when any one of its fields is selected', () => {
    expect(projectionShapeOf(parse('{ entity(id: "x") { evidence { source { id } } } }'))).toEqual({ ...NOTHING, evidence: true });
    for (const field of ['title', 'publisher', 'publishedOn', 'language', 'url', 'contentSha256']) {
      expect(projectionShapeOf(parse(`{ entity(id: "x") { ... on Source { ${field} } } }`)).sourceMetadata).toBe(true);
    }
  });
});
