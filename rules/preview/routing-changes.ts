import type { NoticeKind } from './notice-audiences';
import type { RoutingChange } from './preview-types';

/**
 * One person (or '*', nobody named) receiving one kind of notice about one stage on one channel
 * and address, as the server's routing (`deliveriesFor`) decides it under one set of rules.
 */
export type Reception = { kind: NoticeKind; stage: string | null; recipient: string; channel: string };

/**
 * Who starts and who stops receiving what, from the receptions under the active rules and under
 * the draft. Kept short: when a person's notices of one kind change the same way on the same
 * channel for every stage they get that kind for (two or more), one change with stage null says
 * so ("the engineer's arrival notices move to Telegram"), not one per stage.
 */
export function routingChanges(active: readonly Reception[], draft: readonly Reception[]): RoutingChange[] {
  const before = new Map(active.map((r) => [keyOf(r), r]));
  const after = new Map(draft.map((r) => [keyOf(r), r]));
  const changes: RoutingChange[] = [
    ...[...after].filter(([key]) => !before.has(key)).map(([, r]) => ({ change: 'starts' as const, ...r })),
    ...[...before].filter(([key]) => !after.has(key)).map(([, r]) => ({ change: 'stops' as const, ...r })),
  ];
  return sorted(compact(changes, [...active, ...draft]));
}

function compact(changes: RoutingChange[], all: readonly Reception[]): RoutingChange[] {
  // The stages each person gets each kind for, under either rules.
  const stagesOf = new Map<string, Set<string>>();
  for (const r of all) {
    if (r.stage === null) continue;
    const key = personKind(r);
    stagesOf.set(key, (stagesOf.get(key) ?? new Set()).add(r.stage));
  }
  const groups = new Map<string, RoutingChange[]>();
  for (const c of changes) {
    const key = `${c.change}\u0000${personKind(c)}\u0000${c.channel}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0]!;
    const stages = new Set(group.map((c) => c.stage));
    const everyStage = stagesOf.get(personKind(first));
    const coversAll = first.stage !== null && stages.size >= 2 && everyStage !== undefined && everyStage.size === stages.size;
    return coversAll ? [{ ...first, stage: null }] : group;
  });
}

function sorted(changes: RoutingChange[]): RoutingChange[] {
  const text = (c: RoutingChange) => [c.kind, c.stage ?? '', c.recipient, c.change, c.channel].join('\u0000');
  return changes.sort((a, b) => text(a).localeCompare(text(b)));
}

function keyOf(r: Reception): string {
  return [r.kind, r.stage ?? '', r.recipient.toLowerCase(), r.channel].join('\u0000');
}

function personKind(r: { kind: string; recipient: string }): string {
  return `${r.kind}\u0000${r.recipient.toLowerCase()}`;
}
