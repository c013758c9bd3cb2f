import { knownMovers, noticeAudiences, routingChanges, type Reception } from '../../../rules/preview';
import { loadDefaultRules, STAGE } from '../default-rules';

const config = loadDefaultRules();

describe('who each notice is for, under one set of rules', () => {
  const audiences = noticeAudiences(config, knownMovers(config));
  const find = (kind: string, stage: string | null) => audiences.filter((a) => a.kind === kind && a.stage === stage).map((a) => a.recipients);

  it("tells a stage's owners of arrivals, time running out and unopened links; its controllers of escalations", () => {
    expect(find('stage-entered', STAGE.connection)).toEqual([['engineer']]);
    expect(find('deadline-passed', STAGE.connection)).toEqual([['engineer']]);
    expect(find('deadline-escalated', STAGE.connection)).toEqual([['director']]);
    expect(find('link-unopened', STAGE.access)).toEqual([['engineer']]);
    // «Активный клиент» has no limit; «Договор и оплата» no escalation.
    expect(find('deadline-passed', STAGE.active)).toEqual([]);
    expect(find('deadline-escalated', STAGE.contract)).toEqual([]);
  });

  it('says suspended and resumed for a suspension stage instead of an arrival', () => {
    expect(find('stage-entered', STAGE.suspended)).toEqual([]);
    expect(find('suspended', STAGE.suspended)).toEqual([['engineer']]);
    expect(find('resumed', STAGE.suspended)).toEqual([['engineer']]);
  });

  it("routes a refusal to each possible mover, one nobody can name included, and a restored webhook to the admins", () => {
    expect(find('move-reverted', null)).toEqual([['director'], ['manager'], ['engineer'], ['accountant'], ['']]);
    expect(find('webhook-restored', null)).toEqual([['director']]);
  });
});

describe('routing changes between two sets of receptions', () => {
  const got = (kind: Reception['kind'], stage: string | null, recipient: string, channel: string): Reception => ({ kind, stage, recipient, channel });
  const engineerStages = [STAGE.techReview, STAGE.connection, STAGE.access];
  const comments = engineerStages.map((stage) => got('stage-entered', stage, '@engineer', 'trello-comment'));

  it('says one change for a person whose every stage of a kind moves the same way', () => {
    const telegram = engineerStages.map((stage) => got('stage-entered', stage, '@engineer', 'telegram -100'));
    expect(routingChanges(comments, [...comments, ...telegram])).toEqual([
      { change: 'starts', kind: 'stage-entered', stage: null, recipient: '@engineer', channel: 'telegram -100' },
    ]);
  });

  it('names the stage when only some of them change', () => {
    const draft = [...comments, got('stage-entered', STAGE.connection, '@accountant', 'trello-comment')];
    expect(routingChanges(comments, draft.slice(1))).toEqual([
      { change: 'starts', kind: 'stage-entered', stage: STAGE.connection, recipient: '@accountant', channel: 'trello-comment' },
      { change: 'stops', kind: 'stage-entered', stage: STAGE.techReview, recipient: '@engineer', channel: 'trello-comment' },
    ]);
  });

  it('says nothing when the receptions are the same, whatever the spelling of a username', () => {
    expect(routingChanges(comments, comments.map((r) => ({ ...r, recipient: r.recipient.toUpperCase() })))).toEqual([]);
  });
});
