import type { SourceDocument } from './sourceDocument.js';

/**
 * One problem per entry of a draft still marked `review`, as "file: path (label) awaits review (mark): …", so that
 * an editor finds each one: `entities[3] (person/erlan-kasymov «Ерлан Касымов»)`,
 * `entities[0] (region/almaty-oblast «…»).attributes[1] (jobsCreated)`,
 * `relations[2] (HOLDS_OFFICE person/a → organization/b)`. Empty for a reviewed file.
 */
export function findPendingReviews(file: string, document: SourceDocument): string[] {
  const problems: string[] = [];
  const pending = (path: string, mark: string) =>
    problems.push(
      `${file}: ${path} awaits review (${mark}): accept it by deleting its "review" line, or remove the entry`,
    );
  document.entities.forEach((entity, index) => {
    const name = entity.names.ru ?? entity.names.kk ?? entity.names.en;
    const path = `entities[${index}] (${entity.id}${name === undefined ? '' : ` «${name}»`})`;
    if (entity.review !== undefined) pending(path, entity.review);
    entity.attributes.forEach((attribute, attributeIndex) => {
      if (attribute.review !== undefined)
        pending(`${path}.attributes[${attributeIndex}] (${attribute.key})`, attribute.review);
    });
  });
  document.relations.forEach((relation, index) => {
    if (relation.review !== undefined)
      pending(`relations[${index}] (${relation.type} ${relation.from} → ${relation.to})`, relation.review);
  });
  return problems;
}
