import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectionShapeOf } from '../../src/graphql/projectionShapeOf.js';

describe('projectionShapeOf', () => {
  it('leaves out aliases and evidence ids when no field asks for them', () => {
    expect(projectionShapeOf(parse('{ agreements { edges { node { id name parties { role party { id } } } } } }'))).toEqual({ aliases: false, evidence: false });
  });

  it('keeps evidence ids for an evidence field at any depth, inside fragments too', () => {
    const document = parse(`
      query { entity(id: "x") { ...Parties } }
      fragment Parties on Agreement { parties { ... on AgreementParty { evidence { excerpt } } } }
    `);
    expect(projectionShapeOf(document)).toEqual({ aliases: false, evidence: true });
  });

  it('keeps aliases when they are selected, also under an alias of their own', () => {
    expect(projectionShapeOf(parse('{ search(query: "ktz") { entity { otherNames: aliases } } }'))).toEqual({ aliases: true, evidence: false });
  });
});
