/**
 * Action types that put a card into a list it was not in before, other than a move between lists.
 * The webhook reader and the card-history query both take them from here, so they agree.
 */
export const CARD_ARRIVAL_TYPES: readonly string[] = ['createCard', 'copyCard', 'moveCardToBoard', 'convertToCardFromCheckItem', 'emailCard'];
