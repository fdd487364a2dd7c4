import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectionShapeOf } from '../../src/graphql/projectionShapeOf.js';
import { EMPTY_PROJECTION as NOTHING } from '../../src/repositories/ProjectionShape.js';
import { loadSchema } from '../../src/server/loadSchema.js';

describe('projectionShapeOf', () => {
  const schema = buildSchema(loadSchema().join('\n'));
  const shapeOf = (operation: string) => projectionShapeOf(schema, parse(operation));

  it('leaves out every optional value when no field reads it', () => {
    expect(shapeOf('{ agreements { edges { node { id name parties { role party { id } } } } } }')).toEqual(NOTHING);
  });

  it('keeps relation evidence ids for the evidence of a party, inside fragments too', () => {
    expect(
      shapeOf(`
        query { entity(id: "x") { ...Parties } }
        fragment Parties on Agreement { parties { ... on AgreementParty { evidence { excerpt } } } }
      `),
    ).toEqual({ ...NOTHING, relationEvidence: true });
    expect(shapeOf('{ entity(id: "x") { relations { evidence { excerpt } } } }')).toEqual({
      ...NOTHING,
      relationEvidence: true,
    });
  });

  it('keeps entity evidence ids for the evidence of an entity, by interface or by type', () => {
    expect(shapeOf('{ entity(id: "x") { evidence { excerpt } } }')).toEqual({ ...NOTHING, entityEvidence: true });
    expect(shapeOf('{ node(id: "x") { ... on Organization { evidence { excerpt } } } }')).toEqual({
      ...NOTHING,
      entityEvidence: true,
    });
    expect(shapeOf('{ entity(id: "x") { evidence { excerpt } relations { evidence { excerpt } } } }')).toEqual({
      ...NOTHING,
      entityEvidence: true,
      relationEvidence: true,
    });
  });

  it('keeps relation ids for the id of a relation only, not for the ids of the entities at its ends', () => {
    expect(shapeOf('{ entity(id: "x") { relations { id } } }')).toEqual({ ...NOTHING, relationIds: true });
    expect(shapeOf('{ entity(id: "x") { ...R } } fragment R on Entity { relations { key: id } }').relationIds).toBe(
      true,
    );
    expect(shapeOf('{ entity(id: "x") { id relations { type from { id } to { id } } } }').relationIds).toBe(false);
  });

  it('keeps aliases when they are selected, also under an alias of their own', () => {
    expect(shapeOf('{ search(query: "ktz") { entity { otherNames: aliases } } }')).toEqual({
      ...NOTHING,
      aliases: true,
    });
  });

  it('keeps signing dates and statement texts only where they are selected', () => {
    expect(shapeOf('{ agreements { edges { node { signedOn } } } }')).toEqual({ ...NOTHING, signedOn: true });
    expect(shapeOf('{ entity(id: "x") { ... on Statement { text } } }')).toEqual({ ...NOTHING, text: true });
  });

  it('keeps every name for `names` or a field given a language, and only the first name for a plain `name`', () => {
    expect(shapeOf('{ entity(id: "x") { name relations { to { name } } } }').localizedNames).toBe(false);
    expect(shapeOf('{ entity(id: "x") { names { lang value } } }')).toEqual({ ...NOTHING, localizedNames: true });
    expect(
      shapeOf('query ($lang: Lang) { entity(id: "x") { ...N } } fragment N on Entity { name(lang: $lang) }')
        .localizedNames,
    ).toBe(true);
    expect(shapeOf('{ search(query: "x") { entity { name(lang: EN) } } }').localizedNames).toBe(true);
    expect(shapeOf('{ network(ids: ["x"], lang: KK) { nodes { label } } }').localizedNames).toBe(true);
  });

  it('keeps source metadata when any one of its fields is selected', () => {
    expect(shapeOf('{ entity(id: "x") { evidence { source { id } } } }')).toEqual({ ...NOTHING, entityEvidence: true });
    for (const field of ['title', 'publisher', 'publishedOn', 'language', 'url', 'contentSha256', 'textLength']) {
      expect(shapeOf(`{ entity(id: "x") { ... on Source { ${field} } } }`).sourceMetadata).toBe(true);
    }
  });

  it('reads the sources evidence cites only when a source selection asks for more than its id', () => {
    expect(shapeOf('{ entity(id: "x") { relations { evidence { source { id __typename } } } } }').evidenceSources).toBe(
      false,
    );
    expect(shapeOf('{ entity(id: "x") { relations { evidence { source { id name } } } } }').evidenceSources).toBe(true);
    expect(shapeOf('{ entity(id: "x") { evidence { source { ... on Source { id } } } } }').evidenceSources).toBe(true);
    expect(
      shapeOf('{ entity(id: "x") { evidence { source { ...S } } } } fragment S on Source { title }'),
    ).toMatchObject({ evidenceSources: true, sourceMetadata: true });
  });

  it('does not count a source selected outside evidence', () => {
    expect(
      shapeOf('{ agreements { edges { node { evidence { excerpt } } } } sources { id name } }').evidenceSources,
    ).toBe(false);
  });
});
