import type { DeadlineChange, PreviewCard, ReadinessChange, ReplayChange, RoutingChange, RulesPreview, UnmetGate } from '../model/api-contract';
import { h } from '../ui/h';
import { formatTime, type EditorContext } from './editor-context';

/** «Пробный запуск»: what the draft would change on the board as it is now; each part says when nothing does. */
export function previewView(ctx: EditorContext, preview: RulesPreview): HTMLElement {
  const { localize } = ctx;
  const newlyBlocked = preview.readiness.filter((r) => r.change === 'newly-blocked');
  const newlyReady = preview.readiness.filter((r) => r.change === 'newly-ready');
  return h('div', { class: 'gk-rules-preview' }, [
    h('p', {
      class: 'gk-help',
      text: localize.text('rules-editor-preview-lead', { cards: String(preview.cards), version: String(preview.activeVersion), at: formatTime(ctx, preview.generatedAt) }),
    }),
    part(ctx, 'newly-blocked', localize.text('rules-editor-preview-blocked'), newlyBlocked.map((r) => readinessItem(ctx, r))),
    part(ctx, 'newly-ready', localize.text('rules-editor-preview-ready'), newlyReady.map((r) => readinessItem(ctx, r))),
    part(ctx, 'unmet-gates', localize.text('rules-editor-preview-unmet'), preview.unmetGates.map((g) => unmetItem(ctx, g))),
    part(ctx, 'deadlines', localize.text('rules-editor-preview-deadlines'), preview.deadlines.map((d) => deadlineItem(ctx, d))),
    part(ctx, 'routing', localize.text('rules-editor-preview-routing'), preview.routing.map((r) => routingItem(ctx, r))),
    part(
      ctx,
      'replay',
      localize.text('rules-editor-preview-replay', { days: String(preview.replay.days) }),
      preview.replay.changes.map((c) => replayItem(ctx, c)),
      localize.text('rules-editor-preview-replay-lead', { judged: String(preview.replay.judged), changed: String(preview.replay.changes.length) }),
    ),
  ]);
}

function part(ctx: EditorContext, id: string, title: string, items: HTMLElement[], lead?: string): HTMLElement {
  return h('section', { class: 'gk-rules-preview-part', attrs: { 'data-preview': id, 'aria-label': title } }, [
    h('h3', { class: 'gk-rules-h3', text: items.length > 0 ? `${title} (${items.length})` : title }),
    lead ? h('p', { class: 'gk-help', text: lead }) : null,
    items.length > 0 ? h('ul', { class: 'gk-rules-preview-list' }, items) : h('p', { class: 'gk-notice', text: ctx.localize.text('rules-editor-preview-none') }),
  ]);
}

function cardLink(ctx: EditorContext, card: Pick<PreviewCard, 'cardId' | 'cardName'>): HTMLElement {
  return h('button', { class: 'gk-card-link', text: card.cardName, attrs: { type: 'button', title: card.cardName }, on: { click: () => ctx.showCard(card.cardId) } });
}

function reasons(list: string[]): HTMLElement | null {
  return list.length > 0 ? h('ul', { class: 'gk-reasons' }, list.map((reason) => h('li', { text: reason }))) : null;
}

function readinessItem(ctx: EditorContext, change: ReadinessChange): HTMLElement {
  return h('li', { attrs: { 'data-card-id': change.cardId } }, [
    cardLink(ctx, change),
    h('span', { class: 'gk-rules-preview-where', text: ` ${ctx.localize.text('rules-editor-preview-next', { stage: change.stage, next: change.nextStage })}` }),
    reasons(change.reasons),
  ]);
}

function unmetItem(ctx: EditorContext, gate: UnmetGate): HTMLElement {
  return h('li', { attrs: { 'data-card-id': gate.cardId } }, [
    cardLink(ctx, gate),
    h('span', { class: 'gk-rules-preview-where', text: ` ${ctx.localize.text('rules-editor-preview-in', { stage: gate.stage })}` }),
    reasons(gate.reasons),
  ]);
}

function deadlineItem(ctx: EditorContext, change: DeadlineChange): HTMLElement {
  const when = (iso: string | null) => (iso ? formatTime(ctx, iso) : ctx.localize.text('rules-editor-preview-no-deadline'));
  return h('li', { attrs: { 'data-card-id': change.cardId } }, [
    cardLink(ctx, change),
    h('span', { class: 'gk-rules-preview-where', text: ` ${ctx.localize.text('rules-editor-preview-in', { stage: change.stage })}` }),
    h('p', { class: 'gk-rules-preview-what', text: ctx.localize.text(`rules-editor-deadline-${change.change}`) }),
    h('p', { class: 'gk-help', text: ctx.localize.text('rules-editor-preview-deadline-was', { active: when(change.activeDeadline), draft: when(change.draftDeadline) }) }),
  ]);
}

function routingItem(ctx: EditorContext, change: RoutingChange): HTMLElement {
  const data = { recipient: change.recipient, kind: change.kind, channel: change.channel, stage: change.stage ?? '' };
  const key = `rules-editor-routing-${change.change}${change.stage ? '-stage' : ''}`;
  return h('li', {}, [h('span', { text: ctx.localize.text(key, data) })]);
}

function replayItem(ctx: EditorContext, change: ReplayChange): HTMLElement {
  const verdict = (v: 'accepted' | 'reverted') => ctx.localize.text(`rules-editor-verdict-${v}`);
  return h('li', { attrs: { 'data-card-id': change.cardId } }, [
    h('span', { class: 'gk-help', text: `${formatTime(ctx, change.at)} · ` }),
    cardLink(ctx, change),
    h('span', {
      class: 'gk-rules-preview-where',
      text: ` ${ctx.localize.text('rules-editor-replay-move', { from: change.from, to: change.to, mover: change.mover ? `@${change.mover}` : '—' })}`,
    }),
    h('p', { class: 'gk-rules-preview-what', text: ctx.localize.text('rules-editor-replay-verdict', { was: verdict(change.was), draft: verdict(change.draft) }) }),
    reasons(change.reasons),
  ]);
}
