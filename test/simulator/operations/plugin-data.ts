import { SimError } from '../errors';
import type { SimState } from '../state/sim-state';
import type { CardRecord, PluginDataRecord } from '../state/records';

/** docs/trello-reference.md §3.6 / §5.3: 4096 characters per scope+visibility pair, the whole stringified object counts. */
export const PLUGIN_DATA_LIMIT = 4096;

/**
 * What the Power-Up's `t.set('card', 'shared', key, value)` leaves behind: one shared
 * pluginData item whose `value` is the JSON string of the whole object (docs/trello-reference.md §3.6).
 * No action is recorded and no webhook fires: Trello's REST only ever reads pluginData,
 * and no capture shows a pluginData action.
 */
export function setSharedCardPluginData(
  state: SimState,
  idPlugin: string,
  card: CardRecord,
  value: Record<string, unknown>,
): PluginDataRecord {
  const text = JSON.stringify(value);
  if (text.length > PLUGIN_DATA_LIMIT) {
    throw new SimError(400, `PluginData length of ${PLUGIN_DATA_LIMIT} characters exceeded`);
  }
  const key = `${idPlugin}:${card.id}`;
  const existing = state.pluginData.get(key);
  const item: PluginDataRecord = {
    id: existing?.id ?? state.ids.objectId(),
    idPlugin,
    scope: 'card',
    idModel: card.id,
    value: text,
    access: 'shared',
  };
  state.pluginData.set(key, item);
  return item;
}
