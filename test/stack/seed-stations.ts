/**
 * Made-up radio stations for the seeded history: Russian names, cities, contacts, and official
 * identifiers (ИНН, КПП, ОГРН, БИК + счёт) with correct check digits, so every gate's validators
 * accept them. Deterministic: the same random source gives the same stations.
 */

/** A station's data in the parts the process asks for, stage by stage (like ROMASHKA). */
export type StationParts = {
  name: string;
  basics: Record<string, unknown>;
  streams: Record<string, unknown>;
  review: Record<string, unknown>;
  contractDrafted: Record<string, unknown>;
  contractSignedAndPaid: Record<string, unknown>;
  live: Record<string, unknown>;
};

const WORDS = [
  'Волна', 'Маяк', 'Берёзка', 'Прибой', 'Север', 'Рассвет', 'Созвездие', 'Зенит', 'Горизонт', 'Ветер',
  'Парус', 'Калина', 'Комета', 'Меридиан', 'Лира', 'Орбита', 'Причал', 'Янтарь', 'Кедр', 'Радуга',
  'Камертон', 'Струна', 'Эхо', 'Полёт', 'Родник', 'Сокол', 'Звезда', 'Восход', 'Пульс', 'Фарватер',
  'Тайга', 'Ладога', 'Вершина', 'Акварель', 'Сфера', 'Гармония', 'Простор', 'Маятник', 'Импульс', 'Полюс',
];

/** City, its region code (the first two digits of ИНН/ОГРН), its phone area code. */
const CITIES: [string, string, string][] = [
  ['Москва', '77', '495'], ['Санкт-Петербург', '78', '812'], ['Казань', '16', '843'], ['Екатеринбург', '66', '343'],
  ['Новосибирск', '54', '383'], ['Нижний Новгород', '52', '831'], ['Самара', '63', '846'], ['Ростов-на-Дону', '61', '863'],
  ['Краснодар', '23', '861'], ['Пермь', '59', '342'], ['Воронеж', '36', '473'], ['Уфа', '02', '347'],
  ['Красноярск', '24', '391'], ['Омск', '55', '381'], ['Челябинск', '74', '351'], ['Тюмень', '72', '345'],
  ['Иркутск', '38', '395'], ['Ярославль', '76', '485'], ['Тверь', '69', '482'], ['Калининград', '39', '401'],
  ['Владивосток', '25', '423'], ['Хабаровск', '27', '421'], ['Томск', '70', '382'], ['Мурманск', '51', '815'],
  ['Архангельск', '29', '818'], ['Петрозаводск', '10', '814'], ['Сочи', '23', '862'], ['Вологда', '35', '817'],
];

const FIRST_NAMES: [string, string][] = [
  ['Алексей', 'm'], ['Дмитрий', 'm'], ['Сергей', 'm'], ['Андрей', 'm'], ['Михаил', 'm'], ['Николай', 'm'], ['Павел', 'm'],
  ['Олег', 'm'], ['Артём', 'm'], ['Илья', 'm'], ['Елена', 'f'], ['Ольга', 'f'], ['Татьяна', 'f'], ['Мария', 'f'],
  ['Наталья', 'f'], ['Светлана', 'f'], ['Юлия', 'f'], ['Ксения', 'f'], ['Марина', 'f'], ['Анастасия', 'f'],
];
const SURNAMES = [
  'Соколов', 'Волков', 'Лебедев', 'Морозов', 'Новиков', 'Павлов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев',
  'Зайцев', 'Голубев', 'Виноградов', 'Белов', 'Орлов', 'Ковалёв', 'Ильин', 'Гусев', 'Титов', 'Комаров',
];

/** Real BIKs of large banks (Сбербанк, ВТБ, Альфа-Банк, Т-Банк, Райффайзенбанк). */
const BIKS = ['044525225', '044525187', '044525593', '044525974', '044525700'];

const CODECS: [string, number[]][] = [['mp3', [128, 192, 256, 320]], ['aac', [96, 128, 192]], ['aac+', [48, 64]], ['opus', [64, 96, 128]]];
const STREAM_NAMES = ['Основной', 'Мобильный', 'Высокое качество'];
const TARIFFS: [string, number][] = [['basic', 9900], ['standard', 19900], ['premium', 39900]];
const OPTIONS = ['statistics', 'adInsertion', 'mobileApps', 'extraBitrate', 'archive'];
const LEGAL_FORMS = ['ООО', 'ООО', 'ООО', 'АНО', 'АО'];

export type Random = () => number;

/** The n-th station (0-based); names are unique across n. */
export function makeStation(n: number, random: Random, contractYear: number): StationParts {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const word = WORDS[n % WORDS.length]!;
  const round = Math.floor(n / WORDS.length);
  const [city, region, area] = CITIES[(n * 7 + round) % CITIES.length]!;
  // Forty words, then the same words as «… FM», then «Радио Волна (Тверь)»: a word meets each city
  // once (the city index steps by one per round), so names stay unique up to 1,200 stations.
  const brand = round === 0 ? `Радио ${word}` : round === 1 ? `${word} FM` : `Радио ${word} (${city})`;
  const slug = `${transliterate(word)}${round === 0 ? '' : round === 1 ? '-fm' : `-${transliterate(city)}`}`;
  const [first, sex] = pick(FIRST_NAMES);
  const surname = pick(SURNAMES) + (sex === 'f' ? 'а' : '');
  const office = digits(2);
  const inn = withInnCheck(`${region}${office}${digits(5)}`);
  const bik = pick(BIKS);
  const streamCount = random() < 0.6 ? 1 : random() < 0.8 ? 2 : 3;
  const [tariff, fee] = pick(TARIFFS);
  return {
    name: brand,
    basics: {
      'station.name': brand,
      'station.city': city,
      'station.website': `https://${slug}.ru`,
      'contact.name': `${first} ${surname}`,
      'contact.phone': `+7 ${area} ${digits(3)}-${digits(2)}-${digits(2)}`,
      'contact.email': `tech@${slug}.ru`,
    },
    streams: {
      streams: STREAM_NAMES.slice(0, streamCount).map((name, i) => {
        const [codec, bitrates] = pick(CODECS);
        return { name, codec, bitrate: pick(bitrates), sampleRate: pick([44100, 48000]), sourceUrl: `icecast://source.${slug}.ru:8000/${['live', 'mobile', 'hq'][i]}` };
      }),
    },
    review: {
      'tech.approved': true,
      'tech.note': pick(['Потоки стабильны, задержка в норме.', 'Источник отвечает, битрейт соответствует заявке.', 'Проверено, замечаний нет.']),
      'org.name': `${pick(LEGAL_FORMS)} «${word} Медиа»`,
      'org.inn': inn,
      'org.kpp': `${inn.slice(0, 4)}01001`,
      'org.ogrn': withOgrnCheck(`1${digits(2)}${region}${office}${digits(5)}`),
      'org.address': `г. ${city}, ул. ${pick(['Ленина', 'Мира', 'Садовая', 'Гагарина', 'Советская'])}, д. ${1 + Math.floor(random() * 120)}`,
      'org.bik': bik,
      'org.account': withAccountKey(bik, `40702810${digits(12)}`),
    },
    contractDrafted: {
      'contract.number': `СТ-${contractYear}/${String(n + 1).padStart(3, '0')}`,
      'contract.tariff': tariff,
      'contract.monthlyFee': fee,
      options: OPTIONS.filter(() => random() < 0.35),
    },
    contractSignedAndPaid: { 'contract.signed': true, 'payment.received': true },
    live: { 'broadcast.live': true },
  };
}

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Nine digits + the ИНН check digit: (Σ digit × weight) mod 11 mod 10. */
function withInnCheck(nine: string): string {
  const sum = [...nine].reduce((total, d, i) => total + Number(d) * INN_WEIGHTS[i]!, 0);
  return `${nine}${(sum % 11) % 10}`;
}

/** Twelve digits + the ОГРН check digit: the number mod 11, mod 10. */
function withOgrnCheck(twelve: string): string {
  let rest = 0;
  for (const d of twelve) rest = (rest * 10 + Number(d)) % 11;
  return `${twelve}${rest % 10}`;
}

/**
 * A 20-digit account whose 9th digit is the control key for the BIK: "last three digits of the BIK
 * + account" weighted 7,1,3 must sum to a multiple of 10. The key's weight is 3, and 3 × 7 ≡ 1 (mod 10).
 */
function withAccountKey(bik: string, twenty: string): string {
  const account = `${twenty.slice(0, 8)}0${twenty.slice(9)}`;
  const sum = [...(bik.slice(6) + account)].reduce((total, d, i) => total + Number(d) * [7, 1, 3][i % 3]!, 0);
  const key = (((10 - (sum % 10)) % 10) * 7) % 10;
  return `${account.slice(0, 8)}${key}${account.slice(9)}`;
}

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

function transliterate(text: string): string {
  return [...text.toLowerCase()].map((c) => LATIN[c] ?? (/[a-z0-9]/.test(c) ? c : '-')).join('').replace(/-+/g, '-');
}
