// The connector: Trello loads this page in a hidden iframe and asks it for the capabilities.
// It lives as long as the board is open, so its sources (JWT, rules, board status) are shared by
// every card's badges.
import { boardButtons } from '../capabilities/board-buttons';
import { cardBackSection } from '../capabilities/card-back-section';
import { createCardBadges } from '../capabilities/card-badges';
import { createCardButtons } from '../capabilities/card-buttons';
import { createCardDetailBadges } from '../capabilities/card-detail-badges';
import { showSettings } from '../capabilities/show-settings';
import { createBoardSources } from '../data/board-sources';
import { LOCALIZATION } from '../i18n/localize';

const sources = createBoardSources({ pageUrl: window.location.href });
const cardBadges = createCardBadges(sources);
const cardDetailBadges = createCardDetailBadges(sources);
const cardButtons = createCardButtons(sources);

window.TrelloPowerUp.initialize(
  {
    'card-badges': cardBadges,
    'card-detail-badges': cardDetailBadges,
    'card-buttons': cardButtons,
    'card-back-section': cardBackSection,
    'board-buttons': boardButtons,
    // The Power-Up's settings: the rules editor.
    'show-settings': showSettings,
  },
  { appName: 'Gatekeeper', localization: LOCALIZATION },
);
