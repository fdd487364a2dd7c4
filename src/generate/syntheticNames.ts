/**
 * Deterministic names for synthetic entities: a Russian name in Cyrillic and an English one transliterated by a
 * simpler scheme than `normalizeName` uses, so that search meets the same spelling gaps as with real names.
 * Every name derives from (kind, index) alone, so any document can name an entity declared in another.
 */

const SYLLABLES = [
  'ка',
  'зах',
  'тран',
  'газ',
  'мун',
  'ай',
  'тас',
  'бек',
  'нур',
  'сол',
  'ал',
  'ма',
  'жол',
  'кен',
  'ар',
  'тау',
  'бай',
  'ер',
  'том',
  'ор',
  'да',
  'сар',
  'ке',
  'мир',
  'лес',
  'энер',
  'аг',
  'ро',
  'хим',
  'пром',
  'су',
  'шы',
  'ол',
  'бо',
  'ча',
  'рес',
  'вол',
  'гор',
  'ин',
  'тек',
] as const;

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const FIRST_NAMES = [
  'Асхат',
  'Марат',
  'Айгуль',
  'Нурлан',
  'Ерлан',
  'Дина',
  'Сергей',
  'Ольга',
  'Тимур',
  'Алия',
  'Игорь',
  'Жанна',
] as const;
const ORGANIZATION_WORDS = [
  ['Холдинг', 'Holding'],
  ['Логистик', 'Logistics'],
  ['Энерго', 'Energy'],
  ['Агро', 'Agro'],
  ['Транс', 'Trans'],
  ['Инвест', 'Invest'],
] as const;

/** A name in Russian and its English transliteration. */
export interface SyntheticName {
  ru: string;
  en: string;
}

/** Latin letters for a Cyrillic text, one fixed letter group per Cyrillic letter. */
export function transliterateSimply(text: string): string {
  return [...text]
    .map((letter) => {
      const lower = letter.toLowerCase();
      const latin = TRANSLIT[lower];
      if (latin === undefined) return letter;
      return letter === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

/** A capitalized Cyrillic word of `count` syllables; distinct indexes below 40^count give distinct words. */
export function syntheticWord(index: number, count: number, salt = 0): string {
  // 2654435761 is prime, so coprime to 40^count: multiplying is a bijection, and neighbours get unrelated syllables.
  let mixed = (index * 2654435761 + salt * 40503) % 40 ** count;
  let word = '';
  for (let position = 0; position < count; position++) {
    word += SYLLABLES[mixed % 40];
    mixed = Math.floor(mixed / 40);
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function both(ru: string): SyntheticName {
  return { ru, en: transliterateSimply(ru) };
}

export function countryName(index: number): SyntheticName {
  return both(`${syntheticWord(index, 2, 1)}ия`);
}

export function regionName(index: number, district: boolean): SyntheticName {
  const word = syntheticWord(index, 3, 2);
  return district
    ? { ru: `${word} район`, en: `${transliterateSimply(word)} District` }
    : { ru: `${word} область`, en: `${transliterateSimply(word)} Oblast` };
}

/** Low indexes are the national holdings that take part in most agreements. */
export function organizationName(index: number): SyntheticName {
  const [ruWord, enWord] = ORGANIZATION_WORDS[index % ORGANIZATION_WORDS.length]!;
  const stem = syntheticWord(index, 4, 3);
  return { ru: `${stem} ${ruWord}`, en: `${transliterateSimply(stem)} ${enWord}` };
}

export function personName(index: number): SyntheticName {
  const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
  const feminine = /[аяь]$/.test(first) && first !== 'Игорь';
  const surname = `${syntheticWord(Math.floor(index / FIRST_NAMES.length), 3, 4)}${feminine ? 'ова' : 'ов'}`;
  return both(`${first} ${surname}`);
}

export function eventName(index: number, year: number): SyntheticName {
  const word = syntheticWord(index, 3, 5);
  return { ru: `Форум «${word}-${year}»`, en: `${transliterateSimply(word)} Forum ${year}` };
}

export function agreementName(index: number): SyntheticName {
  const word = syntheticWord(index, 4, 6);
  return { ru: `Соглашение «${word}»`, en: `${transliterateSimply(word)} Agreement` };
}

export function projectName(index: number): SyntheticName {
  const word = syntheticWord(index, 3, 7);
  return { ru: `Хаб «${word}»`, en: `${transliterateSimply(word)} Hub` };
}
