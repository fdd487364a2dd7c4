import type { EntityModel } from '../../models/EntityModel.js';
import type { Lang } from '../generated/resolversTypes.js';

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

/** The entity's names in EN, RU, KK order, those it has. */
export function entityNames(entity: EntityModel): { lang: Lang; value: string }[] {
  return FALLBACK.flatMap((lang) => {
    const value = entity.names[LANG_KEY[lang]];
    return value ? [{ lang, value }] : [];
  });
}
