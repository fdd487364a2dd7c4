import type { EntityKindName } from '../../src/domain/entityKinds.js';

/** One annotated mention: the known entity it names, or the kind of the new entity it names. */
export type GoldMention = { text: string; entity: string } | { text: string; kind: EntityKindName };

export interface GoldText {
  language: 'RU' | 'KK';
  text: string;
  /** Every mention of a known or new entity, in text order (each found after the previous one). */
  mentions: GoldMention[];
}

/**
 * Short news-style texts written for this set, in Russian and Kazakh, about the seed's actors and new ones: every
 * mention of a known entity is annotated with its id, every new person, organization, place and event with its kind.
 */
export const LINKING_GOLD: readonly GoldText[] = [
  {
    language: 'RU',
    text: 'Губернатор Московской области Андрей Воробьев встретился с акимом Алматинской области Маратом Султангазиевым в Красногорске. Стороны обсудили работу хаба «Селятино» и участие АО «НК «ҚТЖ» в проекте.',
    mentions: [
      { text: 'Московской области', entity: 'region/moscow-oblast' },
      { text: 'Андрей Воробьев', entity: 'person/andrey-vorobyov' },
      { text: 'Алматинской области', entity: 'region/almaty-oblast' },
      { text: 'Маратом Султангазиевым', entity: 'person/marat-sultangaziev' },
      { text: 'Красногорске', entity: 'region/krasnogorsk' },
      { text: 'хаба «Селятино»', entity: 'project/selyatino-transport-logistics-hub' },
      { text: 'АО «НК «ҚТЖ»', entity: 'organization/ktz' },
    ],
  },
  {
    language: 'RU',
    text: 'Генеральный директор ТОО «Жетысу Логистик» Нурлан Сейтказиев сообщил, что компания построит склад площадью 12 тысяч квадратных метров. Соглашение с ним подписал председатель правления АО «Самрук-Қазына» Нурлан Жакупов.',
    mentions: [
      { text: 'ТОО «Жетысу Логистик»', kind: 'ORGANIZATION' },
      { text: 'Нурлан Сейтказиев', kind: 'PERSON' },
      { text: 'Самрук-Қазына', entity: 'organization/samruk-kazyna' },
      { text: 'Нурлан Жакупов', kind: 'PERSON' },
    ],
  },
  {
    language: 'RU',
    text: 'В Алматы прошла встреча представителей КТЖ Экспресс и компании «Славтранс-Сервис». Вице-министр транспорта Казахстана Талгат Ластаев отметил рост перевозок на 15%.',
    mentions: [
      { text: 'Алматы', kind: 'REGION' },
      { text: 'КТЖ Экспресс', entity: 'organization/ktz-express' },
      { text: 'Славтранс-Сервис', entity: 'organization/slavtrans-service' },
      { text: 'Казахстана', entity: 'country/kazakhstan' },
      { text: 'Талгат Ластаев', kind: 'PERSON' },
    ],
  },
  {
    language: 'RU',
    text: 'Делегация Подмосковья во главе с Андреем Воробьевым посетила индустриальный парк «Есипово». Посол Республики Казахстан в России Даурен Абаев сообщил о планах ООО «Евразия Агро» открыть 300 рабочих мест.',
    mentions: [
      { text: 'Подмосковья', entity: 'region/moscow-oblast' },
      { text: 'Андреем Воробьевым', entity: 'person/andrey-vorobyov' },
      { text: 'индустриальный парк «Есипово»', entity: 'facility/esipovo-industrial-park' },
      { text: 'Республики Казахстан', entity: 'country/kazakhstan' },
      { text: 'России', entity: 'country/russia' },
      { text: 'Даурен Абаев', entity: 'person/dauren-abaev' },
      { text: 'ООО «Евразия Агро»', kind: 'ORGANIZATION' },
    ],
  },
  {
    language: 'KK',
    text: 'Алматы облысының әкімі Марат Сұлтанғазиев Мәскеу облысының губернаторы Андрей Воробьевпен кездесті. Кездесуге «Қазақстан темір жолы» ұлттық компаниясының өкілдері қатысты.',
    mentions: [
      { text: 'Алматы облысының', entity: 'region/almaty-oblast' },
      { text: 'Марат Сұлтанғазиев', entity: 'person/marat-sultangaziev' },
      { text: 'Мәскеу облысының', entity: 'region/moscow-oblast' },
      { text: 'Андрей Воробьевпен', entity: 'person/andrey-vorobyov' },
      { text: 'Қазақстан темір жолы', entity: 'organization/ktz' },
    ],
  },
  {
    language: 'KK',
    text: '«Бәйтерек Агро» ЖШС директоры Асхат Нұрланов жаңа қойма салатынын айтты. Жобаға «Самрук-Қазына» қоры мен Қазақстан үкіметі қолдау көрсетеді.',
    mentions: [
      { text: '«Бәйтерек Агро» ЖШС', kind: 'ORGANIZATION' },
      { text: 'Асхат Нұрланов', kind: 'PERSON' },
      { text: 'Самрук-Қазына', entity: 'organization/samruk-kazyna' },
      { text: 'Қазақстан', entity: 'country/kazakhstan' },
    ],
  },
];
