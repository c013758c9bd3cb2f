import { message } from '../i18n/message';
import type { CardRow, StageModel } from '../model/summary-model';
import { h } from '../ui/h';
import { cardButton, section } from './section';
import { daysText, numberText, type ViewContext } from './view-context';

/** Cards shown per stage before «ещё N»: a stage of forty cards must not push the rest off screen. */
const SHOWN_PER_STAGE = 6;

/** Where every card is now: a tile per stage with its count, what is over the limit and whose turn. */
export function pipelineView(ctx: ViewContext, stages: StageModel[]): HTMLElement {
  const total = stages.reduce((sum, s) => sum + s.count, 0);
  return section(
    {
      id: 'pipeline',
      title: ctx.localize.text('report-pipeline-title'),
      lead: total === 0 ? ctx.localize.text('report-pipeline-empty') : ctx.localize.message(message('report-pipeline-lead', { count: total }, total)),
      wide: true,
    },
    [h('ol', { class: 'gk-pipeline' }, stages.map((stage) => stageTile(ctx, stage)))],
  );
}

function stageTile(ctx: ViewContext, stage: StageModel): HTMLElement {
  const { localize } = ctx;
  // A stage without a limit (the active clients) holds cards for good: its count says enough, and
  // its cards stay one click away.
  const shown = stage.limitDays === null ? [] : stage.cards.slice(0, SHOWN_PER_STAGE);
  const rest = stage.cards.slice(shown.length);
  const counts = [
    h('span', { class: 'gk-stage-count', text: String(stage.count) }),
    stage.overdue > 0 ? h('span', { class: 'gk-pill gk-pill-overdue', text: localize.text('report-stage-overdue', { count: stage.overdue }) }) : null,
    stage.warning > 0 ? h('span', { class: 'gk-pill gk-pill-warning', text: localize.text('report-stage-warning', { count: stage.warning }) }) : null,
  ];
  return h('li', { class: `gk-stage${stage.side ? ' gk-stage-side' : ''}${stage.overdue > 0 ? ' gk-stage-late' : ''}`, attrs: { 'data-stage': stage.stage } }, [
    h('div', { class: 'gk-stage-head' }, [
      h('h3', { class: 'gk-stage-name', text: stage.stage }),
      h('div', { class: 'gk-stage-counts' }, counts),
    ]),
    h('p', { class: 'gk-stage-meta' }, [
      stage.limitDays === null ? localize.text('report-stage-no-limit') : localize.text('report-stage-limit', { days: stage.limitDays }),
      stage.side ? ` · ${localize.text('report-stage-side')}` : '',
    ]),
    h('p', { class: 'gk-stage-owner' }, [h('span', { class: 'gk-muted', text: `${localize.text(stage.final ? 'report-owner' : 'report-turn')}: ` }), stage.owners]),
    stage.count === 0 ? h('p', { class: 'gk-stage-empty', text: localize.text('report-stage-empty') }) : null,
    shown.length > 0 ? h('ul', { class: 'gk-stage-cards' }, shown.map((card) => cardLine(ctx, card))) : null,
    rest.length > 0
      ? h('details', { class: 'gk-stage-more' }, [
          h('summary', { text: localize.text(shown.length > 0 ? 'report-stage-more' : 'report-stage-show', { count: rest.length }) }),
          h('ul', { class: 'gk-stage-cards' }, rest.map((card) => cardLine(ctx, card))),
        ])
      : null,
  ]);
}

function cardLine(ctx: ViewContext, card: CardRow): HTMLElement {
  const time =
    card.limitDays === null
      ? daysText(ctx, card.elapsedDays)
      : ctx.localize.text('report-card-time', { elapsed: numberText(ctx, card.elapsedDays), limit: numberText(ctx, card.limitDays) });
  return h('li', { class: `gk-stage-card gk-state-${card.state}`, attrs: { 'data-card-id': card.cardId } }, [
    cardButton(card.name, () => ctx.showCard(card.cardId)),
    h('span', { class: 'gk-stage-card-time', text: time }),
    card.taken && card.holders ? h('span', { class: 'gk-stage-card-holder', text: card.holders }) : null,
  ]);
}
