import type { EntityModel } from '../../models/EntityModel.js';
import type { Lang } from '../generated/resolversTypes.js';
import type { Context } from '../context.js';
import { requireIntInRange } from '../../errors.js';
import { boundedList } from '../boundedList.js';
import { MAX_RELATION_TYPES } from '../relationFields.js';
import { loadAttributes, loadEvidence, loadRelations } from './loading.js';

const FALLBACK: readonly Lang[] = ['EN', 'RU', 'KK'];
const LANG_KEY = { EN: 'en', RU: 'ru', KK: 'kk' } as const;

/** The entity's name in `lang`, else the first of EN, RU, KK it has. */
export function entityName(entity: EntityModel, lang: Lang | null | undefined): string {
  for (const candidate of lang ? [lang, ...FALLBACK] : FALLBACK) {
    const name = entity.names[LANG_KEY[candidate]];
    if (name) return name;
  }
  return entity.id;
}

/** Field resolvers every entity type shares. */
export const entityFields = {
  name: (entity: EntityModel, { lang }: { lang?: Lang | null }) => entityName(entity, lang),
  names: (entity: EntityModel) =>
    FALLBACK.flatMap((lang) => {
      const value = entity.names[LANG_KEY[lang]];
      return value ? [{ lang, value }] : [];
    }),
  attributes: (entity: EntityModel, _: unknown, context: Context) => loadAttributes(context, entity.id),
  relations: (
    entity: EntityModel,
    { types, direction, first }: { types?: readonly string[] | null; direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null; first?: number | null },
    context: Context,
  ) =>
    loadRelations(
      context,
      entity.id,
      types ? boundedList('types', types, MAX_RELATION_TYPES) : null,
      direction ?? 'BOTH',
      requireIntInRange('first', first ?? 100, 0, 1000),
    ),
  evidence: (entity: EntityModel, _: unknown, context: Context) => loadEvidence(context, entity.evidenceIds),
};
