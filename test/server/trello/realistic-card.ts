// A GET /1/cards/{id}?list=true&checklists=all&pluginData=true answer, shaped after the
// example in docs/trello-reference.md §3.1 (itself built from real card objects), with the
// extra fields Trello sends that the schema does not list.

export const CARD_ID = '65cbec641a05d516bef5d34d';
export const BOARD_ID = '64a71f6e0d329c0520180a2b';
export const LIST_ID = '64be843f7d08746f0889d06c';
export const POWERUP_ID = '5d40dbf16b5f44535df106d1';

export function realisticCard(): Record<string, unknown> {
  return {
    id: CARD_ID,
    name: 'Договор с ООО «Ромашка»',
    idList: LIST_ID,
    idBoard: BOARD_ID,
    closed: false,
    idShort: 680,
    shortUrl: 'https://trello.com/c/9bgtXcEQ',
    url: 'https://trello.com/c/9bgtXcEQ/680-dogovor',
    badges: { checkItems: 2, checkItemsChecked: 1, comments: 1, due: null },
    dateLastActivity: '2024-02-14T20:47:08.133Z',
    list: { id: LIST_ID, name: 'Согласование', closed: false, idBoard: BOARD_ID, pos: 65536 },
    checklists: [
      {
        id: '65cbec7a0d6f0c9a2b9f1a01',
        name: 'Документы',
        idBoard: BOARD_ID,
        idCard: CARD_ID,
        pos: 16384,
        checkItems: [
          { id: '65cbec7a0d6f0c9a2b9f1a02', name: 'Договор подписан', state: 'complete', pos: 16384, due: null },
          { id: '65cbec7a0d6f0c9a2b9f1a03', name: 'Счёт выставлен', state: 'incomplete', pos: 32768, due: null },
        ],
      },
    ],
    pluginData: [
      {
        id: '5d6cdf6da49bb9751b206db5',
        idPlugin: POWERUP_ID,
        scope: 'card',
        idModel: CARD_ID,
        value: '{"station":{"contractSigned":true,"amount":120000}}',
        access: 'shared',
        dateLastUpdated: '2024-02-14T20:40:00.000Z',
      },
    ],
  };
}
