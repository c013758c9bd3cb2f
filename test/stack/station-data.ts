/**
 * «Радио Ромашка», filled in stage by stage: what the Power-Up would store with
 * t.set('card','shared','station',…). Real identifiers with valid check digits (Sberbank's INN/OGRN).
 */
export const ROMASHKA = {
  basics: {
    'station.name': 'Радио Ромашка',
    'station.city': 'Казань',
    'contact.name': 'Пётр Звуков',
    'contact.phone': '+7 843 555-12-34',
  },
  streams: {
    streams: [{ name: 'Основной', codec: 'mp3', bitrate: 128, sampleRate: 44100, sourceUrl: 'http://stream.romashka.example/live' }],
  },
  review: {
    'tech.approved': true,
    'org.name': 'ООО «Ромашка Медиа»',
    'org.inn': '7707083893',
    'org.kpp': '773601001',
    'org.ogrn': '1027700132195',
  },
  contractDrafted: { 'contract.number': 'СТ-2026/118', 'contract.date': '2026-11-20' },
  contractSignedAndPaid: { 'contract.signed': true, 'payment.received': true },
  live: { 'broadcast.live': true },
} as const;

/** Station data for a card that has everything up to and including the named part. */
export function stationUpTo(part: keyof typeof ROMASHKA): Record<string, unknown> {
  const parts = Object.keys(ROMASHKA) as (keyof typeof ROMASHKA)[];
  return Object.assign({}, ...parts.slice(0, parts.indexOf(part) + 1).map((p) => ROMASHKA[p]));
}
