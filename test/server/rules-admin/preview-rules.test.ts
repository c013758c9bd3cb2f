import { stageDeadlines } from '../../../server/deadlines/stage-deadlines';
import { previewRules } from '../../../server/rules-admin/preview-rules';
import { describePreview } from '../../../rules/preview';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { ACCOUNTANT_CHAT, ACCOUNTANT_TELEGRAM_DRAFT, BIK_DRAFT, SHORT_CONTRACT_DRAFT } from '../../rules/preview/preview-drafts';
import { appendJudged, seedBoard, startPreviewKit, type PreviewKit, type SeededBoard } from './preview-kit';

const active = loadDefaultRules();
const BIK_MISSING = 'не заполнено поле «БИК банка»';

let kit: PreviewKit;
let seeded: SeededBoard;
let now: Date;
beforeEach(async () => {
  kit = await startPreviewKit('rules-preview');
  now = new Date();
  seeded = await seedBoard(kit, active, now);
});
afterEach(async () => {
  await kit.close();
});

const preview = (draft = BIK_DRAFT()) =>
  previewRules(kit.deps, { boardId: kit.board.boardId, active: { version: 3, config: active }, draft, now });

describe('the rules dry run on a board', () => {
  it('names the card a BIK requirement on «Подключение» blocks, and the one already there without it', async () => {
    const result = await preview();

    expect(result).toMatchObject({ activeVersion: 3, generatedAt: now.toISOString(), cards: 4 });
    expect(result.readiness).toEqual([
      {
        cardId: seeded.romashka, cardName: 'Радио Ромашка', url: `https://trello.com/c/${seeded.romashka}`, stage: STAGE.contract,
        nextStage: STAGE.connection, change: 'newly-blocked', reasons: [BIK_MISSING],
      },
    ]);
    expect(result.unmetGates).toEqual([
      { cardId: seeded.lutik, cardName: 'Радио Лютик', url: `https://trello.com/c/${seeded.lutik}`, stage: STAGE.connection, reasons: [BIK_MISSING] },
    ]);
    // The gate changed, nothing else.
    expect(result.deadlines).toEqual([]);
    expect(result.routing).toEqual([]);
  });

  it('tells the deadlines a shorter limit on «Договор и оплата» moves, and who becomes overdue', async () => {
    const draft = SHORT_CONTRACT_DRAFT();

    const result = await preview(draft);

    const iso = (config: typeof active, at: Date) => stageDeadlines(config, STAGE.contract, at)!.deadline.toISOString();
    const vasilekEntered = new Date(now.toISOString());
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        cardId: seeded.romashka, stage: STAGE.contract, change: 'becomes-overdue',
        activeDeadline: iso(active, seeded.enteredContract), draftDeadline: iso(draft, seeded.enteredContract),
      }),
      expect.objectContaining({
        cardId: seeded.vasilek, stage: STAGE.contract, change: 'deadline-moved',
        activeDeadline: iso(active, vasilekEntered), draftDeadline: iso(draft, vasilekEntered),
      }),
    ]);
    expect(result.readiness).toEqual([]);
    expect(result.unmetGates).toEqual([]);
  });

  it('tells who starts receiving what when the accountants get a Telegram chat', async () => {
    const result = await preview(ACCOUNTANT_TELEGRAM_DRAFT());

    // Everything the accountant hears of, now also in the chat; the comments stay. Nobody stops hearing anything.
    const telegram = `telegram ${ACCOUNTANT_CHAT}`;
    expect(result.routing).toEqual([
      { change: 'starts', kind: 'deadline-passed', stage: STAGE.accounting, recipient: '@accountant', channel: telegram },
      { change: 'starts', kind: 'link-unopened', stage: STAGE.accounting, recipient: '@accountant', channel: telegram },
      { change: 'starts', kind: 'move-reverted', stage: null, recipient: '@accountant', channel: telegram },
      { change: 'starts', kind: 'stage-entered', stage: STAGE.accounting, recipient: '@accountant', channel: telegram },
    ]);
  });

  it('replays the last 30 days of judged moves: a kept move the draft would send back is listed with its reasons', async () => {
    const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
    // The director's move of «Радио Лютик» into «Подключение», kept: no BIK then, none now.
    await appendJudged(kit, { actionId: 'lutik-connected', cardId: seeded.lutik, cardName: 'Радио Лютик', movedAt: hourAgo });
    // «Радио Василёк» has its BIK: kept under either rules.
    await appendJudged(kit, { actionId: 'vasilek-connected', cardId: seeded.vasilek, cardName: 'Радио Василёк', movedAt: hourAgo });
    // The manager's move of «Радио Ромашка» into «Подключение», refused for the role: refused either way.
    await appendJudged(kit, {
      actionId: 'romashka-by-manager', cardId: seeded.romashka, cardName: 'Радио Ромашка', mover: 'manager', movedAt: hourAgo,
      verdict: 'reverted', reason: STAGE.connection,
      failures: [{ code: 'role_not_allowed', stage: STAGE.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'only the director may move a card into "Подключение"', facts: {} }],
      revertedTo: { id: kit.board.lists[STAGE.contract]!, name: STAGE.contract },
    });
    // Ignored moves and other boards' moves are not replayed.
    await appendJudged(kit, { actionId: 'own-move', cardId: seeded.landysh, cardName: 'Радио Ландыш', verdict: 'ignored', reason: 'own-action' });
    await appendJudged(kit, { actionId: 'other-board', cardId: seeded.lutik, cardName: 'Радио Лютик', boardId: 'b'.repeat(24) });
    now = new Date();

    const result = await preview();

    expect(result.replay).toEqual({
      days: 30,
      judged: 3,
      changes: [
        {
          actionId: 'lutik-connected', at: hourAgo, cardId: seeded.lutik, cardName: 'Радио Лютик', from: STAGE.contract, to: STAGE.connection,
          mover: 'director', was: 'accepted', draft: 'reverted', reasons: [BIK_MISSING],
        },
      ],
    });
  });

  it('reads as plain lines in Russian and in English', async () => {
    await appendJudged(kit, { actionId: 'lutik-connected', cardId: seeded.lutik, cardName: 'Радио Лютик', movedAt: new Date(now.getTime() - 3600_000).toISOString() });
    now = new Date();
    const result = await preview();

    const ru = describePreview(result, 'ru');
    expect(ru).toEqual(expect.arrayContaining([
      `  • «Радио Ромашка» в «${STAGE.contract}» → «${STAGE.connection}»: больше не готова: ${BIK_MISSING}`,
      `  • «Радио Лютик» в «${STAGE.connection}»: ${BIK_MISSING}`,
    ]));
    expect(ru.join('\n')).toMatch(/было принято, по черновику было бы возвращено: не заполнено поле «БИК банка»/);
    expect(describePreview(result, 'en')[0]).toMatch(/^Draft rules against active version 3: the board now, 4 cards/);
    if (process.env.SHOW_PREVIEW) console.log(ru.join('\n'));
  });
});
