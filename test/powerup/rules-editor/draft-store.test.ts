import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDraftStore, type BoardPrivateValue, type KeyValueStorage } from '../../../powerup/rules-editor/draft-store';

const RULES = readFileSync(resolve(__dirname, '../../../rules/radio-onboarding.yaml'), 'utf8');
const DRAFT = RULES.replace('limitWorkingDays: 5', 'limitWorkingDays: 7');
const KEY = 'gatekeeper:rules-draft:board-1';

/** localStorage as a Map, the way the browser keeps it: strings under keys. */
function memoryStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

/** A storage the browser hands out but refuses to write to (a full or private-mode one). */
const refusing: KeyValueStorage = {
  getItem: () => null,
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => undefined,
};

/** The member's private board data in Trello under one key, refusing more than 4096 characters as Trello does. */
function trelloValue(): BoardPrivateValue & { value: unknown; calls: string[] } {
  const data = {
    value: undefined as unknown,
    calls: [] as string[],
    get: () => (data.calls.push('get'), Promise.resolve(data.value)),
    set: (value: unknown) => {
      data.calls.push('set');
      if (JSON.stringify({ rulesDraft: value }).length > 4096) return Promise.reject(new Error('PluginData length of 4096 characters exceeded'));
      data.value = structuredClone(value);
      return Promise.resolve();
    },
    remove: () => (data.calls.push('remove'), (data.value = undefined), Promise.resolve()),
  };
  return data;
}

const versions: Record<number, string> = { 4: RULES };
const textOf = (version: number) => (versions[version] === undefined ? Promise.reject(new Error(`no version ${version}`)) : Promise.resolve(versions[version]!));

let clock = new Date('2026-11-28T11:05:00Z');
const now = () => clock;
beforeEach(() => (clock = new Date('2026-11-28T11:05:00Z')));

describe('the kept draft in the page’s localStorage', () => {
  it('keeps the whole text with its base version and time, one draft per board, and never asks Trello', async () => {
    const storage = memoryStorage();
    const trello = trelloValue();
    const store = createDraftStore({ storage, boardId: 'board-1', trello, now });
    const other = createDraftStore({ storage, boardId: 'board-2', trello, now });
    await store.keep({ text: 'stages: []\n', baseVersion: 4, baseText: RULES });
    await store.keep({ text: DRAFT, baseVersion: 4, baseText: RULES });
    expect(JSON.parse(storage.entries.get(KEY)!)).toEqual({ text: DRAFT, baseVersion: 4, at: '2026-11-28T11:05:00.000Z' });
    await expect(store.read(textOf)).resolves.toEqual({ text: DRAFT, baseVersion: 4, at: '2026-11-28T11:05:00.000Z' });
    await expect(other.read(textOf)).resolves.toBeNull();
    expect([...storage.entries.keys()]).toEqual([KEY]);
    await store.clear();
    await expect(store.read(textOf)).resolves.toBeNull();
    expect(storage.entries.size).toBe(0);
    expect(trello.calls).toEqual([]);
  });

  it('keeps the time of the last change: the same draft kept again is not stamped anew', async () => {
    const store = createDraftStore({ storage: memoryStorage(), boardId: 'board-1', trello: trelloValue(), now });
    await store.keep({ text: DRAFT, baseVersion: 4, baseText: RULES });
    clock = new Date('2026-11-28T12:00:00Z');
    await store.keep({ text: DRAFT, baseVersion: 4, baseText: RULES });
    expect((await store.read(textOf))?.at).toBe('2026-11-28T11:05:00.000Z');
    await store.keep({ text: `${DRAFT}# more\n`, baseVersion: 4, baseText: RULES });
    expect((await store.read(textOf))?.at).toBe('2026-11-28T12:00:00.000Z');
  });

  it('reads anything else stored under its key as no draft', async () => {
    const storage = memoryStorage();
    const store = createDraftStore({ storage, boardId: 'board-1', trello: trelloValue(), now });
    for (const junk of ['not json', '"text"', 'null', '{"text":1,"baseVersion":1,"at":"x"}', '{"text":"a","baseVersion":"1","at":"x"}']) {
      storage.setItem(KEY, junk);
      await expect(store.read(textOf)).resolves.toBeNull();
    }
  });
});

describe('the kept draft in Trello, where the browser refuses the page its storage', () => {
  it('keeps the draft’s changes to its version, small enough for Trello, and reads the whole text back', async () => {
    for (const storage of [null, refusing]) {
      const trello = trelloValue();
      const store = createDraftStore({ storage, boardId: 'board-1', trello, now });
      await store.keep({ text: DRAFT, baseVersion: 4, baseText: RULES });
      expect(trello.value).toEqual({ v: 4, at: '2026-11-28T11:05:00.000Z', p: [244, -1, '    limitWorkingDays: 7\n', 108] });
      await expect(store.read(textOf)).resolves.toEqual({ text: DRAFT, baseVersion: 4, at: '2026-11-28T11:05:00.000Z' });
    }
  });

  it('sends nothing again for the same draft, and clears it once', async () => {
    const trello = trelloValue();
    const store = createDraftStore({ storage: null, boardId: 'board-1', trello, now });
    await store.keep({ text: DRAFT, baseVersion: 4, baseText: RULES });
    clock = new Date('2026-11-28T12:00:00Z');
    await store.keep({ text: DRAFT, baseVersion: 4, baseText: RULES });
    expect(trello.calls).toEqual(['set']);
    expect((await store.read(textOf))?.at).toBe('2026-11-28T11:05:00.000Z');
    await store.clear();
    await store.clear();
    expect(trello.calls).toEqual(['set', 'get', 'remove']);
    await expect(store.read(textOf)).resolves.toBeNull();
  });

  it('keeps nothing it cannot fit in Trello’s 4096 characters, and works on', async () => {
    const trello = trelloValue();
    const store = createDraftStore({ storage: null, boardId: 'board-1', trello, now });
    await expect(store.keep({ text: `# rewritten\n${'x: 1\n'.repeat(900)}`, baseVersion: 4, baseText: RULES })).resolves.toBeUndefined();
    expect(trello.value).toBeUndefined();
  });

  it('reads a draft whose version cannot be had, or that is not a draft, as none', async () => {
    const trello = trelloValue();
    const store = createDraftStore({ storage: null, boardId: 'board-1', trello, now });
    trello.value = { v: 9, at: '2026-11-28T11:05:00.000Z', p: [353] };
    await expect(store.read(textOf)).resolves.toBeNull();
    // A patch that does not fit the version's text (more lines than it has).
    trello.value = { v: 4, at: '2026-11-28T11:05:00.000Z', p: [400] };
    await expect(store.read(textOf)).resolves.toBeNull();
    trello.value = { v: 4, at: '2026-11-28T11:05:00.000Z', p: [{}] };
    await expect(store.read(textOf)).resolves.toBeNull();
  });
});
