import { describe, expect, it } from 'vitest';
import { NO_INCLUDES, type EntityIncludes, type RelationInclude } from '../../src/repositories/EntityIncludes.js';
import { FULL_PROJECTION } from '../../src/repositories/ProjectionShape.js';
import {
  createCypherScope,
  fixedRelationTypes,
  includeCost,
  includedEntity,
} from '../../src/repositories/includeCypher.js';

const relations = (
  end: EntityIncludes,
  evidence = false,
  types: readonly string[] | null = fixedRelationTypes(['PARTY_TO']),
): RelationInclude => ({
  types,
  direction: 'BOTH',
  first: 25,
  evidence,
  end,
});

const PLANS: Record<string, EntityIncludes> = {
  nothing: NO_INCLUDES,
  evidence: { ...NO_INCLUDES, evidence: true },
  'attributes with evidence': { ...NO_INCLUDES, attributes: true, attributeEvidence: true },
  'relations two levels deep': {
    ...NO_INCLUDES,
    relations: [relations({ ...NO_INCLUDES, relations: [relations(NO_INCLUDES, true, null)] })],
  },
  'a country with attributes': { ...NO_INCLUDES, country: { ...NO_INCLUDES, attributes: true } },
  everything: {
    relations: [
      relations({ ...NO_INCLUDES, evidence: true, country: NO_INCLUDES }, true),
      relations({ ...NO_INCLUDES, attributes: true }, false, ['SIGNED_AT', 'HELD_IN']),
    ],
    attributes: true,
    attributeEvidence: true,
    evidence: true,
    country: { ...NO_INCLUDES, relations: [relations(NO_INCLUDES)] },
  },
};

const collects = (cypher: string) => cypher.split('COLLECT {').length - 1;

describe('includeCost', () => {
  it.each(Object.entries(PLANS))('counts the COLLECT subqueries includedEntity writes: %s', (_, includes) => {
    const written = includedEntity('n', includes, createCypherScope(FULL_PROJECTION));
    expect(includeCost(includes).subqueries).toBe(collects(written));
  });

  it('tells the subqueries and the deepest entity level of a plan', () => {
    expect(includeCost(PLANS['nothing']!)).toEqual({ subqueries: 0, levels: 0 });
    expect(includeCost(PLANS['relations two levels deep']!)).toEqual({ subqueries: 3, levels: 2 });
    expect(includeCost(PLANS['a country with attributes']!)).toEqual({ subqueries: 2, levels: 1 });
    expect(includeCost(PLANS['everything']!)).toEqual({ subqueries: 11, levels: 2 });
  });
});
