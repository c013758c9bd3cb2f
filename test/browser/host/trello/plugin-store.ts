
/** Trello's limit per scope and visibility: the whole JSON object counts (docs/trello-reference.md §5.3). */
export const PLUGIN_DATA_LIMIT = 4096;

type Entries = Record<string, unknown>;

/**
 * t.get / t.set / t.remove over an in-memory pluginData, one object per (scope, model id,
 * visibility), refusing a write over 4096 characters with Trello's own message.
 */
export function createPluginStore(initialCards: Record<string, Entries> = {}) {
  const objects = new Map<string, Entries>(Object.entries(initialCards).map(([id, value]) => [`card:${id}:shared`, structuredClone(value)]));
  const keyOf = (model: string, id: string, visibility: string) => `${model}:${id}:${visibility}`;
  return {
    get(model: string, id: string, visibility: string, key?: string, fallback?: unknown): unknown {
      const object = objects.get(keyOf(model, id, visibility)) ?? {};
      if (key === undefined) return structuredClone(object);
      return key in object ? structuredClone(object[key]) : fallback;
    },
    set(model: string, id: string, visibility: string, entries: Entries): Entries {
      const next = { ...(objects.get(keyOf(model, id, visibility)) ?? {}), ...structuredClone(entries) };
      if (JSON.stringify(next).length > PLUGIN_DATA_LIMIT) throw new Error(`PluginData length of ${PLUGIN_DATA_LIMIT} characters exceeded`);
      objects.set(keyOf(model, id, visibility), next);
      return next;
    },
    remove(model: string, id: string, visibility: string, keys: string[]): Entries {
      const next = { ...(objects.get(keyOf(model, id, visibility)) ?? {}) };
      for (const key of keys) delete next[key];
      objects.set(keyOf(model, id, visibility), next);
      return next;
    },
    card: (id: string) => objects.get(keyOf('card', id, 'shared')),
    /** Cards' shared data as Trello now has it (the sandbox re-reads the simulator's board). */
    replaceCards(data: Record<string, Entries>) {
      for (const [id, value] of Object.entries(data)) objects.set(keyOf('card', id, 'shared'), structuredClone(value));
    },
  };
}

export type PluginStore = ReturnType<typeof createPluginStore>;
