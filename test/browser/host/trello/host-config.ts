
export type HostChecklist = { name: string; items: { name: string; complete: boolean }[] };
export type HostCard = { id: string; name: string; idList: string; checklists: HostChecklist[] };

/** The board the host plays Trello for, set by the test (ids from the simulator when it matters). */
export type HostConfig = {
  /** The Power-Up's connector page, as it would be registered in Trello's admin portal. */
  connectorUrl: string;
  locale: string;
  plugin: string;
  board: { id: string; name: string };
  lists: { id: string; name: string }[];
  cards: HostCard[];
  member: { id: string; username: string; fullName: string };
  /** The member may edit cards (t.memberCanWriteToModel('card')). */
  canWrite: boolean;
  /** Shared card pluginData to start with: card id → the whole shared object ({station: …}). */
  pluginData?: Record<string, Record<string, unknown>>;
};

export type ShownBadge = { text: string; color: string | null; title?: string };

/** What the tests drive and read through `window.gkHost`. */
export type HostApi = {
  start(config: HostConfig): Promise<void>;
  /** Asks card-badges for every card (as Trello does on opening the board) and draws them. */
  renderBoard(): Promise<Record<string, ShownBadge[]>>;
  /** Opens the card: detail badges, buttons, the back section; resolves once the section has drawn. */
  openCard(cardId: string): Promise<{ detailBadges: ShownBadge[]; buttons: string[] }>;
  closeCard(): void;
  /** Asks board-buttons (as Trello does for the board's header) and draws them; answers their texts. */
  renderBoardButtons(): Promise<string[]>;
  /** The open modal, if any: its title and whether it is full-screen. */
  modal(): { title: string; fullscreen: boolean } | null;
  /** Every card id the Power-Up asked to show (t.showCard), in order. */
  shownCards(): string[];
  pluginData(cardId: string): Record<string, unknown> | undefined;
  alerts(): { message: string; display: string }[];
  /** Moves the card on the host board, as Trello would show a move the service made. */
  moveCard(cardId: string, listId: string): void;
  /** Replaces the board's cards and their shared data with what Trello has now (the sandbox polls it). */
  sync(cards: HostCard[], pluginData: Record<string, Record<string, unknown>>): void;
  /** Asks card-detail-badges of the open card again (Trello does when the card changes). */
  refreshCard(): Promise<void>;
  /** Calls the open card's back section's render again, as Trello does when the card changes. */
  rerenderSection(): void;
};

declare global {
  interface Window {
    gkHost: HostApi;
    /** Exposed by the test: a real t.jwt() token, minted by the simulator for this member and board. */
    gkMintJwt?: () => Promise<string>;
    /** Exposed by the test: mirrors shared card pluginData to the simulator, which the server reads. */
    gkOnSet?: (cardId: string, value: Record<string, unknown>) => Promise<void>;
    /** Set by a test: the next `t.<command>` call from the named frame fails with this message, as when Trello cannot be reached. */
    gkFailNext?: { command: string; frame: string; message: string };
    /** Set by a test: the next `t.<command>` call from the named frame answers `ms` later, as a slow Trello does. */
    gkDelayNext?: { command: string; frame: string; ms: number };
  }
}
