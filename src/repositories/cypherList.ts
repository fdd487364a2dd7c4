/**
 * The Cypher list literal of `expressions`, less its trailing literal `null`s. Rows read back by position take a
 * missing trailing value as null; the values a projection shape rules out sit at the ends of rows, so most rows
 * travel shorter, which Neo4j builds and the driver decodes faster.
 */
export function cypherList(expressions: readonly string[]): string {
  let length = expressions.length;
  while (length > 0 && expressions[length - 1] === 'null') length--;
  return `[${expressions.slice(0, length).join(', ')}]`;
}
