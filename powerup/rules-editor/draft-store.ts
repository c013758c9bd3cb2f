import { applyLinePatch, linePatch, type LinePatch } from './line-patch';

/**
 * The unsaved draft of the rules, kept so that closing the modal, a reload or a crash does not
 * lose it: one draft per board. Where it is kept:
 *  - the editor page's localStorage, under the board's id (the whole text: the rules hold no
 *    secrets, and some 15 KB is far from the storage's limit; not sessionStorage, which a closed
 *    tab loses);
 *  - where the browser refuses that storage to a third-party frame (Brave, private windows,
 *    Chromium blocking third-party cookies: reading `localStorage` throws), the member's private
 *    data on the board in Trello, as the draft's changes to its version (`line-patch.ts`): Trello
 *    keeps 4096 characters there, plenty for a day's edits, though not for a rewrite of the file.
 */
export type KeptDraft = {
  text: string;
  /** The version the draft was edited from: saving it sends this one (a 409 when it is no longer active). */
  baseVersion: number;
  /** When it was last changed (ISO). */
  at: string;
};

export type DraftStore = {
  /** `textOf` answers a version's text: a draft kept in Trello is its changes to it. */
  read(textOf: (version: number) => Promise<string>): Promise<KeptDraft | null>;
  /** Keeps the draft, stamped now; a draft equal to the one kept keeps its time. */
  keep(draft: { text: string; baseVersion: number; baseText: string }): Promise<void>;
  clear(): Promise<void>;
};

/** What the store uses of the page's localStorage (a Map stands in for it in the unit tests). */
export type KeyValueStorage = { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };

/** One key of the member's private data on the board in Trello: t.get / t.set / t.remove. */
export type BoardPrivateValue = { get(): Promise<unknown>; set(value: unknown): Promise<unknown>; remove(): Promise<unknown> };

export function createDraftStore(opts: { storage: KeyValueStorage | null; boardId: string; trello: BoardPrivateValue; now?: () => Date }): DraftStore {
  const now = opts.now ?? (() => new Date());
  const key = `gatekeeper:rules-draft:${opts.boardId}`;
  return usable(opts.storage, key) ? localDrafts(opts.storage, key, now) : trelloDrafts(opts.trello, now);
}

/** Whether the storage takes a write: a browser may hand it out and refuse every write (private mode, quota). */
function usable(storage: KeyValueStorage | null, key: string): storage is KeyValueStorage {
  if (!storage) return false;
  try {
    storage.setItem(`${key}:probe`, '1');
    storage.removeItem(`${key}:probe`);
    return true;
  } catch {
    return false;
  }
}

function localDrafts(storage: KeyValueStorage, key: string, now: () => Date): DraftStore {
  // A call refused later on (the storage full, cleared by the browser) leaves the editor working, only not keeping.
  const attempt = <T>(use: () => T): T | null => {
    try {
      return use();
    } catch {
      return null;
    }
  };
  const read = (): KeptDraft | null => {
    const raw = attempt(() => storage.getItem(key));
    if (!raw) return null;
    const value = attempt(() => JSON.parse(raw) as unknown);
    return isRecord(value) && typeof value.text === 'string' && isVersion(value.baseVersion) && typeof value.at === 'string'
      ? { text: value.text, baseVersion: value.baseVersion, at: value.at }
      : null;
  };
  return {
    read: () => Promise.resolve(read()),
    keep({ text, baseVersion }) {
      const kept = read();
      if (kept?.text !== text || kept.baseVersion !== baseVersion) {
        const draft: KeptDraft = { text, baseVersion, at: now().toISOString() };
        attempt(() => storage.setItem(key, JSON.stringify(draft)));
      }
      return Promise.resolve();
    },
    clear() {
      attempt(() => storage.removeItem(key));
      return Promise.resolve();
    },
  };
}

/** As kept in Trello: short keys, since the whole object counts against 4096 characters. */
type TrelloDraft = { v: number; at: string; p: LinePatch };

function trelloDrafts(trello: BoardPrivateValue, now: () => Date): DraftStore {
  /** What Trello holds, as last read or written: a draft kept again unchanged is not sent again. */
  let last: TrelloDraft | null | undefined;
  const fetchKept = async (): Promise<TrelloDraft | null> => {
    const value = await trello.get().catch(() => undefined);
    const ok = isRecord(value) && isVersion(value.v) && typeof value.at === 'string' && Array.isArray(value.p) && value.p.every((s) => typeof s === 'number' || typeof s === 'string');
    last = ok ? { v: value.v as number, at: value.at as string, p: value.p as LinePatch } : null;
    return last;
  };
  return {
    async read(textOf) {
      const kept = await fetchKept();
      if (!kept) return null;
      const base = await textOf(kept.v).catch(() => null);
      const text = base === null ? null : applyLinePatch(base, kept.p);
      return text === null ? null : { text, baseVersion: kept.v, at: kept.at };
    },
    async keep({ text, baseVersion, baseText }) {
      const p = linePatch(baseText, text);
      if (last && last.v === baseVersion && JSON.stringify(last.p) === JSON.stringify(p)) return;
      const draft: TrelloDraft = { v: baseVersion, at: now().toISOString(), p };
      // Over Trello's 4096 characters the write is refused, and the draft is not kept.
      await trello.set(draft).then(
        () => (last = draft),
        () => undefined,
      );
    },
    async clear() {
      if (last === null) return;
      await trello.remove().then(
        () => (last = null),
        () => undefined,
      );
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
