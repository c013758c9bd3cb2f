import { serverMessage, type ApiClient } from '../data/api-client';
import type { Localize } from '../i18n/localize';
import { message } from '../i18n/message';
import { afterTake, historyModel, type HistoryModel, type TurnLine } from '../model/card-history-model';
import { h } from './h';

/**
 * Whose turn the card is («Ответственный: …» or «Беру») and its «История»: stage visits with dates
 * and working days, refusals with their reasons and who tried. Read once when the card opens (one
 * GET /api/cards/:id/history), never for the cards of the board. Drawn into two slots the card
 * back places: the turn near the top, the history under it.
 */
export function cardHistory(opts: {
  api: ApiClient;
  cardId: string;
  localize: Localize;
  language: 'ru' | 'en';
  /** Members who may not edit the card only watch it: no «Беру» for them. */
  mayTake: boolean;
}): {
  turn: HTMLElement;
  history: HTMLElement;
} {
  const { localize } = opts;
  const turn = h('div', { class: 'gk-turn', attrs: { 'data-testid': 'turn', hidden: true } });
  const history = h('div', { class: 'gk-history-slot' });
  opts.api.cardHistory(opts.cardId).then(
    (answer) => {
      const model = historyModel(answer, opts.language);
      drawTurn(turn, model.turn, opts);
      history.replaceChildren(historySection(model, localize));
    },
    (err: unknown) => {
      history.replaceChildren(h('p', { class: 'gk-status gk-status-error', text: localize.text('history-failed', { reason: reasonOf(err) }) }));
    },
  );
  return { turn, history };
}

function drawTurn(slot: HTMLElement, line: TurnLine | null, opts: Parameters<typeof cardHistory>[0]): void {
  const { localize } = opts;
  slot.hidden = line === null;
  if (!line) return slot.replaceChildren();
  if (line.kind === 'responsible') {
    return slot.replaceChildren(h('p', { class: 'gk-turn-line' }, [h('span', { class: 'gk-muted', text: localize.text('history-responsible') }), ' ', h('strong', { text: line.name })]));
  }
  const waiting = h('p', { class: 'gk-turn-line' }, [
    h('span', { class: 'gk-muted', text: localize.text('history-waiting', { stage: line.stage }) }),
    line.holders ? ' ' : null,
    line.holders ? h('span', { text: line.holders }) : null,
  ]);
  if (line.kind === 'holders' || !opts.mayTake) return slot.replaceChildren(waiting);
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const take = h('button', { class: 'gk-button gk-button-primary gk-take', text: localize.text('history-take'), attrs: { type: 'button' } });
  take.addEventListener('click', () => {
    take.disabled = true;
    status.textContent = '';
    opts.api.take(opts.cardId).then(
      (answer) => {
        const { turn, takenByOther } = afterTake(answer);
        drawTurn(slot, turn, opts);
        if (takenByOther) slot.append(h('p', { class: 'gk-status', text: takenByOther || localize.text('history-taken-by-other', { name: turn.name }) }));
      },
      (err: unknown) => {
        take.disabled = false;
        status.className = 'gk-status gk-status-error';
        status.textContent = localize.text('history-take-failed', { reason: reasonOf(err) });
      },
    );
  });
  slot.replaceChildren(h('div', { class: 'gk-turn-take' }, [waiting, take]), status);
}

function historySection(model: HistoryModel, localize: Localize): HTMLElement {
  const counts = [
    localize.message(message('history-visits', { count: model.visits.length }, model.visits.length)),
    model.refusals.length > 0 ? localize.message(message('history-refusals', { count: model.refusals.length }, model.refusals.length)) : null,
  ].filter((text): text is string => text !== null);
  const visits = model.visits.map((v) =>
    h('li', { class: `gk-visit${v.suspension ? ' gk-visit-suspension' : ''}` }, [
      h('span', { class: 'gk-visit-stage', text: v.stage }),
      h('span', { class: 'gk-visit-dates', text: v.to ? `${v.from} — ${v.to}` : localize.text('history-since', { date: v.from }) }),
      h('span', { class: 'gk-visit-days', text: localize.text('report-days', { days: v.workingDays }) }),
      v.responsible ? h('span', { class: 'gk-visit-who', text: v.responsible }) : null,
    ]),
  );
  const refusals = model.refusals.map((r) =>
    h('li', { class: 'gk-refusal' }, [
      h('p', { class: 'gk-refusal-head', text: localize.text('history-refusal', { date: r.date, stage: r.to, name: r.mover }) }),
      r.reasons.length > 0 ? h('ul', { class: 'gk-reasons' }, r.reasons.map((text) => h('li', { text }))) : null,
    ]),
  );
  return h('details', { class: 'gk-section gk-history', attrs: { 'data-testid': 'history' } }, [
    h('summary', { class: 'gk-section-summary' }, [
      h('span', { class: 'gk-section-title', text: localize.text('history-title') }),
      h('span', { class: 'gk-group-count', text: counts.join(' · ') }),
    ]),
    h('div', { class: 'gk-history-body' }, [
      visits.length > 0 ? h('ol', { class: 'gk-visits' }, visits) : h('p', { class: 'gk-empty', text: localize.text('history-none') }),
      refusals.length > 0 ? h('h4', { class: 'gk-group-title', text: localize.text('history-refusals-title') }) : null,
      refusals.length > 0 ? h('ul', { class: 'gk-refusals' }, refusals) : null,
    ]),
  ]);
}

/** The server's own words (403: «only the stage's owner may take it»), else the error's. */
function reasonOf(err: unknown): string {
  return serverMessage(err) ?? (err instanceof Error ? err.message : String(err));
}
