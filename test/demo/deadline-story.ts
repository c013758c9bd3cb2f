import type { Stack } from '../stack/start-stack';
import { until } from '../helpers/until';
import { stationUpTo } from '../stack/station-data';
import type { createStoryteller } from './storyteller';

/** The demo's shortened clock: a working hour passes in this many ms, nights and weekends at once. */
export const DEMO_WORKING_HOUR_MS = 200;

type Storyteller = ReturnType<typeof createStoryteller>;

/**
 * The second story: a paid station waits in «Подключение» (2 working days) past its limit. The
 * engineer is reminded when the time runs out, the director hears a working day later. With the
 * shortened clock that takes 3.6 s and 5.4 s whatever day the demo runs on.
 */
export async function playDeadlineStory(stack: Stack, tell: Storyteller): Promise<void> {
  const seconds = (DEMO_WORKING_HOUR_MS / 1000).toLocaleString('ru-RU');
  tell.done('Вторая история: срок этапа и эскалация');
  tell.note(`Часы сервиса ускорены (DEADLINE_WORKING_HOUR_MS=${DEMO_WORKING_HOUR_MS}): рабочий час проходит за ${seconds} с, ночи и выходные — сразу.`);
  const ui = (who: string) => stack.sim.ui(who);
  const said = () => stack.sim.comments(card).filter((c) => c.memberCreator === 'gatekeeper');
  const show = (text: string) => tell.step(text, stack.sim.card(card), stack.sim.comments(card));

  const card = ui('manager').createCard('Новая заявка', 'Радио Вектор');
  ui('manager').setPluginData(card, { station: { ...stationUpTo('contractSignedAndPaid'), 'station.name': 'Радио Вектор' } });
  await stack.settle();
  show('Менеджер заводит «Радио Вектор»: договор подписан и оплачен');
  ui('director').moveCard(card, 'Подключение');
  await stack.settle();
  show('Директор переносит станцию в «Подключение»: у инженера 2 рабочих дня, директор узнает о просрочке через рабочий день');

  const entered = said().length;
  await until('the engineer is reminded', () => said().length > entered, 20_000);
  show('Прошло 2 рабочих дня, а станция всё ещё не подключена');
  tell.remark(`⏰ срок этапа истёк — напоминание ответственному: ${mentionOf(said().at(-1)!.text, '@engineer')}`);
  await until('the director hears of the overdue card', () => said().length > entered + 1, 20_000);
  show('Прошёл ещё рабочий день');
  tell.remark(`⏫ эскалация — сообщение контролёру этапа: ${mentionOf(said().at(-1)!.text, '@director')}`);
  tell.done('«Радио Вектор» просрочена: инженер получил напоминание, директор — эскалацию.');
}

/** The comment's addressee, checked: a story that told the wrong person is a failed demo. */
function mentionOf(text: string, expected: string): string {
  const mention = /^@[\w-]+/.exec(text)?.[0];
  if (mention !== expected) throw new Error(`the story went wrong: expected a comment to ${expected}, got «${text}»`);
  return mention;
}
