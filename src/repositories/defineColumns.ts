import { cypherList } from './cypherList.js';

/**
 * Whether a column is in every row (`'always'`) or may be left out by a projection shape (`'optional'`): an optional
 * column not read is written as a literal `null`, dropped when trailing (`cypherList`), and reads as null.
 */
export type ColumnPresence = 'always' | 'optional';

declare const columnsOfRow: unique symbol;

/** A row as Neo4j returns it: a list whose columns `Values` names, in the order its `Columns` declares. */
export type Row<Values> = readonly unknown[] & { readonly [columnsOfRow]?: Values };

/** The columns of one kind of row: its Cypher list and its decoders come from here, so neither names a position. */
export interface Columns<Values> {
  /** Column names in row order. */
  readonly names: readonly (keyof Values & string)[];
  /**
   * The Cypher list of the given column expressions, in column order, less trailing `null`s; an optional column
   * given null is written `null`. Throws when a column that is always present is given none.
   */
  list(expressions: { readonly [K in keyof Values]: string | null }): string;
  /** The Cypher expression of column `name` of the row that `row` evaluates to, for reading a row inside a statement. */
  at(row: string, name: keyof Values & string): string;
  /** One reader per column: the column's value in a row; a missing optional value reads as null. */
  readonly read: { readonly [K in keyof Values]: (row: Row<Values>) => Values[K] };
  /** Every column of a row, by name. */
  decode(row: Row<Values>): Values;
}

/**
 * Declares a row's columns: `Values` types them (an optional column's type includes null) and `presence` orders them
 * (its key order is the row order) and says which ones a projection shape may leave out.
 */
export function defineColumns<Values>(presence: { readonly [K in keyof Values]-?: ColumnPresence }): Columns<Values> {
  const names = Object.keys(presence) as (keyof Values & string)[];
  const positions = new Map(names.map((name, position) => [name, position]));
  const positionOf = (name: keyof Values & string): number => {
    const position = positions.get(name);
    if (position === undefined) throw new RangeError(`no column ${name}; the columns are ${names.join(', ')}`);
    return position;
  };
  // One small function per column, each reading a fixed position: the hot path of decoding thousands of rows.
  const read = Object.fromEntries(
    names.map((name, position) => [
      name,
      presence[name] === 'optional' ? (row: Row<Values>) => row[position] ?? null : (row: Row<Values>) => row[position],
    ]),
  ) as Columns<Values>['read'];
  return {
    names,
    list(expressions) {
      return cypherList(
        names.map((name) => {
          const expression = expressions[name];
          if (expression !== null) return expression;
          if (presence[name] === 'always')
            throw new TypeError(`column ${name} is in every row; it needs an expression`);
          return 'null';
        }),
      );
    },
    at: (row, name) => `${row}[${positionOf(name)}]`,
    read,
    decode(row) {
      const values: Record<string, unknown> = {};
      names.forEach((name, position) => (values[name] = row[position] ?? null));
      return values as Values;
    },
  };
}
