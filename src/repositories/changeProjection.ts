import type { ChangeModel } from '../models/ChangeModel.js';
import { defineColumns, type Row } from './defineColumns.js';

/** A `(:Change)` as `changeProjection` lists it: a `ChangeModel`, column by column. */
export const CHANGE_COLUMNS = defineColumns<ChangeModel>({
  id: 'always',
  actor: 'always',
  operation: 'always',
  at: 'always',
  entityIds: 'always',
  relationIds: 'always',
  attributeIds: 'always',
  reason: 'always',
});

export type ChangeRow = Row<ChangeModel>;

/**
 * Cypher list of the change bound to `variable`, whose id is `id` (changes written before ids existed are named by
 * their element id), read back by `CHANGE_COLUMNS.decode`. Records of older writers may lack a value: they read as
 * `unknown` or empty.
 */
export function changeProjection(variable: string, id: string): string {
  const c = variable;
  return CHANGE_COLUMNS.list({
    id,
    actor: `coalesce(${c}.actor, 'unknown')`,
    operation: `coalesce(${c}.operation, 'unknown')`,
    at: `toString(${c}.at)`,
    entityIds: `coalesce(${c}.entityIds, [])`,
    relationIds: `coalesce(${c}.relationIds, [])`,
    attributeIds: `coalesce(${c}.attributeIds, [])`,
    reason: `${c}.reason`,
  });
}
