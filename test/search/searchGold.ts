/**
 * The search gold list: names as real articles about the 2025 Krasnogorsk forum (and the seed) write them, in
 * nominative and oblique cases, Russian, Kazakh and English, each with the entity a journalist pasting it means.
 * `source` is where the form was read.
 */
export interface GoldQuery {
  query: string;
  expected: string;
  source: string;
}

const SEED = 'seeds/2025-09-09-krasnogorsk-business-forum.yaml';
const RADIO1 =
  'https://radio1.ru/news/podmoskove/biznes-forum-moskovskoi-i-almatinskoi-oblastei-sobral-bolee-100-predprinimatelei/';
const TASS = 'https://tass.ru/obschestvo/25008703';
const MOSREG =
  'https://mosregtoday.ru/news/gubernator-vorobev/andrej-vorobev-otkryl-biznes-forum-predprinimatelej-moskovskoj-i-almatinskoj-oblastej/';
const R360 =
  'https://360.ru/tekst/mosobl/vorobev-moskovskaja-i-almatinskaja-oblasti-podpisali-memorandum-o-sotrudnichestve/';
const R360B =
  'https://360.ru/tekst/mosobl/uchitsja-drug-u-druga-perenimat-opyt-andrej-vorobev-o-partnerstve-v-sfere-predprinimatelstva-s-kazahstanom/';
const BAQ = 'https://rus.baq.kz/v-podmoskove-proshyol-forum-s-uchastiem-biznesmenov-iz-kazahstana_300022072/';
const RIAMO =
  'https://riamo.ru/news/obschestvo/vorobev-prinjal-uchastie-v-sovmestnom-forume-moskovskoj-i-almatinskoj-oblastej/';
const TOTAL =
  'https://total.kz/ru/news/gossektor/zheleznie_dorogi_kazahstana_strategicheskii_aktiv_ili_pereotsenennaya_monopoliya_date_2025_07_01';
const CENTRASIA = 'https://centrasia.org/newsA.php?st=1762452360';
const OREANDA = 'https://www.oreanda.ru/en/transport/article1040919/';
const KZ24 =
  'https://24.kz/kz/zha-aly-tar/ekonomika/item/553735-asym-zhomart-to-aev-tzh-ny-transformatsiyalajtyn-ua-yt-keldi';
const ZHETYSU = 'https://zhetysutv.kz/2022/02/25/oblys-kimi-bozymbaev-zhurnalistermen-kezdesti/';
const JAS = 'https://jas.kz/ilmek/prezident-zholdawy-2022';
const ORDA =
  'https://en.orda.kz/promises-broken-questions-mount-behind-the-relocation-of-the-baganashyl-orphanage-7498';
const TENGRI = 'https://tengrinews.kz/article/detskom-dome-baganasyle-sluzebnoi-masine-akimate-kazino-3395/amp';

const ALMATY = 'region/almaty-oblast';
const MOSCOW = 'region/moscow-oblast';
const VOROBYOV = 'person/andrey-vorobyov';
const SULTANGAZIEV = 'person/marat-sultangaziev';
const ABAEV = 'person/dauren-abaev';
const KTZ = 'organization/ktz';
const KAZAKHSTAN = 'country/kazakhstan';

export const SEARCH_GOLD: readonly GoldQuery[] = [
  // Almaty Oblast
  { query: 'Алма-Атинской области', expected: ALMATY, source: R360 },
  { query: 'Алматинской области', expected: ALMATY, source: RADIO1 },
  { query: 'Алматинской областью', expected: ALMATY, source: RADIO1 },
  { query: 'Алматинская область', expected: ALMATY, source: TASS },
  { query: 'Алма-Атинская область', expected: ALMATY, source: SEED },
  {
    query: 'Алматинскую область',
    expected: ALMATY,
    source: 'https://dzen.ru/news/story/3875c6cd-d9be-5b17-b399-c5c40e46808c',
  },
  { query: 'Алматы облысының', expected: ALMATY, source: ZHETYSU },
  { query: 'Алматы облысын', expected: ALMATY, source: JAS },
  { query: 'Алматы облысы', expected: ALMATY, source: SEED },
  { query: 'Almaty Region', expected: ALMATY, source: ORDA },
  { query: 'Almaty Oblast', expected: ALMATY, source: SEED },
  // Moscow Oblast
  { query: 'Московской области', expected: MOSCOW, source: MOSREG },
  { query: 'Московская область', expected: MOSCOW, source: SEED },
  { query: 'Подмосковье', expected: MOSCOW, source: TASS },
  { query: 'Подмосковья', expected: MOSCOW, source: R360 },
  { query: 'в Подмосковье', expected: MOSCOW, source: RADIO1 },
  { query: 'Moscow Region', expected: MOSCOW, source: SEED },
  // Andrey Vorobyov
  { query: 'Андрей Воробьёв', expected: VOROBYOV, source: RADIO1 },
  { query: 'Андрей Воробьев', expected: VOROBYOV, source: TASS },
  { query: 'Андрея Воробьева', expected: VOROBYOV, source: R360 },
  { query: 'Андреем Воробьевым', expected: VOROBYOV, source: R360B },
  { query: 'Андрею Воробьёву', expected: VOROBYOV, source: SEED },
  { query: 'Воробьев', expected: VOROBYOV, source: TASS },
  { query: 'Воробьева', expected: VOROBYOV, source: 'https://gazetahamovniki.moscow/tag/gubernator/' },
  { query: 'Воробьевпен', expected: VOROBYOV, source: SEED },
  {
    query: 'Vorobyov',
    expected: VOROBYOV,
    source: 'https://habergazetem.com/rusya-devlet-baskani-putin-moskova-valisi-vorobyov-ile-toplanti-yapti',
  },
  { query: 'Andrei Vorobyov', expected: VOROBYOV, source: SEED },
  // Marat Sultangaziev
  { query: 'Марат Султангазиев', expected: SULTANGAZIEV, source: MOSREG },
  { query: 'Марата Султангазиева', expected: SULTANGAZIEV, source: SEED },
  { query: 'Маратом Султангазиевым', expected: SULTANGAZIEV, source: R360B },
  { query: 'Султангазиев', expected: SULTANGAZIEV, source: MOSREG },
  { query: 'Марат Сұлтанғазиев', expected: SULTANGAZIEV, source: SEED },
  { query: 'Marat Sultangaziyev', expected: SULTANGAZIEV, source: ORDA },
  { query: 'Маратом Султангазиевым', expected: SULTANGAZIEV, source: TENGRI },
  // Dauren Abaev
  { query: 'Даурен Абаев', expected: ABAEV, source: RADIO1 },
  { query: 'Даурена Абаева', expected: ABAEV, source: SEED },
  { query: 'Даурену Абаеву', expected: ABAEV, source: SEED },
  { query: 'Дәурен Әбаев', expected: ABAEV, source: SEED },
  { query: 'Dauren Abayev', expected: ABAEV, source: SEED },
  // Kazakhstan
  { query: 'Казахстан', expected: KAZAKHSTAN, source: TASS },
  { query: 'Казахстана', expected: KAZAKHSTAN, source: RADIO1 },
  { query: 'в Казахстане', expected: KAZAKHSTAN, source: RADIO1 },
  { query: 'с Казахстаном', expected: KAZAKHSTAN, source: R360B },
  { query: 'Республики Казахстан', expected: KAZAKHSTAN, source: MOSREG },
  {
    query: 'Қазақстан Республикасы',
    expected: KAZAKHSTAN,
    source:
      'https://kaz.tengrinews.kz/zakon/kazakstan_respublikasyinyin_ukmet_kazakstan_respublikasyinyin_premer_ministr/karjyi/id-P1100001355/',
  },
  // KTZ
  { query: 'Национальная компания КТЖ', expected: KTZ, source: SEED },
  { query: 'АО «НК «Қазақстан темір жолы»', expected: KTZ, source: TOTAL },
  { query: 'АО "НК "ҚТЖ"', expected: KTZ, source: CENTRASIA },
  { query: 'КТЖ', expected: KTZ, source: TOTAL },
  { query: 'ҚТЖ-ның', expected: KTZ, source: KZ24 },
  { query: 'JSC NC KTZ', expected: KTZ, source: OREANDA },
  { query: 'Kazakhstan Temir Zholy', expected: KTZ, source: 'https://profilpelajar.com/it/Kazakhstan_Temir_Zholy' },
  { query: 'Қазақстан темір жолы', expected: KTZ, source: KZ24 },
  // KTZ Express, Samruk-Kazyna and the rest of the seed
  { query: 'КТЖ Экспресс', expected: 'organization/ktz-express', source: SEED },
  {
    query: 'KTZ Express',
    expected: 'organization/ktz-express',
    source: 'http://info.jctrans.net/newspd/lyxw/20205142540607.shtml',
  },
  { query: 'Самрук-Казыны', expected: 'organization/samruk-kazyna', source: SEED },
  { query: 'фонда «Самрук-Қазына»', expected: 'organization/samruk-kazyna', source: SEED },
  { query: 'Samruk-Kazyna', expected: 'organization/samruk-kazyna', source: SEED },
  { query: 'Славтранс-Сервиса', expected: 'organization/slavtrans-service', source: SEED },
  { query: 'ТЛЦ «Алатау»', expected: 'organization/tlc-alatau', source: SEED },
  { query: 'в Красногорске', expected: 'region/krasnogorsk', source: RADIO1 },
  { query: 'Наро-Фоминском округе', expected: 'region/naro-fominsk-district', source: TASS },
  { query: 'индустриальный парк «Есипово»', expected: 'facility/esipovo-industrial-park', source: RADIO1 },
  { query: 'ТЛЦ «Селятино»', expected: 'facility/tlc-selyatino', source: SEED },
  {
    query: 'пресс-службе губернатора Подмосковья',
    expected: 'organization/press-service-of-the-governor-of-moscow-oblast',
    source: R360,
  },
  {
    query: 'пресс-служба губернатора',
    expected: 'organization/press-service-of-the-governor-of-moscow-oblast',
    source: RIAMO,
  },
  { query: 'ПМЭФ-2024', expected: 'event/spief-2024', source: SEED },
  { query: 'трехстороннее соглашение', expected: 'agreement/agrohub-trilateral-agreement', source: R360 },
  {
    query: 'меморандум о сотрудничестве',
    expected: 'agreement/moscow-oblast-almaty-oblast-cooperation-memorandum',
    source: TASS,
  },
  { query: 'Чрезвычайный и Полномочный Посол Республики Казахстан Даурен Абаев', expected: ABAEV, source: BAQ },
];
