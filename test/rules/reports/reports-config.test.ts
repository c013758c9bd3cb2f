import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { adminRoles, parseRules, reportSpans, RulesError, viewerRights, type RulesProblem } from '../../../rules';
import { DEFAULT_RULES_FILE, loadDefaultRules, STAGE } from '../default-rules';
import { SMALL, smallConfig } from '../small-config';
import { pathsAndMessages } from '../paths-and-messages';

/** The small process with a side stage S (a suspension) next to A → B → C. */
const WITH_SIDE = {
  stages: [...SMALL.stages, { list: 'S', owner: 'clerk', controller: 'boss', side: true, suspension: true }],
};

function problemsOf(reports: unknown, overrides: Record<string, unknown> = WITH_SIDE): RulesProblem[] {
  try {
    smallConfig({ ...overrides, reports });
    return [];
  } catch (err) {
    if (err instanceof RulesError) return pathsAndMessages(err.problems);
    throw err;
  }
}

/** The default file's roles and stages, on the small process's fields (its gates name none of them). */
const DEFAULT_STAGES = (() => {
  const { roles, stages } = parse(readFileSync(DEFAULT_RULES_FILE, 'utf8')) as { roles: unknown; stages: { list: string; owner: string; controller: string; side?: boolean }[] };
  return { roles, stages: stages.map(({ list, owner, controller, side }) => ({ list, owner, controller, side })) };
})();

const span = (from: string, to: string, key = 'part') => ({ key, label: { ru: 'Часть', en: 'Part' }, from, to });

describe('the reports key of the rules', () => {
  it('is in the default file: the director and the accountant, two spans', () => {
    const config = parseRules(readFileSync(DEFAULT_RULES_FILE, 'utf8'), 'yaml');
    expect(config.reports).toEqual({
      viewers: ['director', 'accountant'],
      spans: [
        { key: 'onboarding', label: { ru: 'Подключение станции', en: 'Station onboarding' }, from: STAGE.request, to: STAGE.active },
        { key: 'paid-to-air', label: { ru: 'От оплаты до эфира', en: 'From payment to air' }, from: STAGE.connection, to: STAGE.access },
      ],
    });
  });

  it('may be left out', () => {
    expect(smallConfig().reports).toBeUndefined();
    expect(problemsOf({})).toEqual([]);
  });

  it('takes spans named like the lists, spaces and «ё» aside', () => {
    expect(problemsOf({ spans: [span(' a ', 'c')] })).toEqual([]);
  });

  it('names an unknown viewer role, and one named twice', () => {
    expect(problemsOf({ viewers: ['boss', 'bos', 'boss'] })).toEqual([
      { path: 'reports.viewers[1]', message: 'unknown role "bos" (did you mean "boss"?)' },
      { path: 'reports.viewers[2]', message: 'duplicate viewer role "boss" (first at reports.viewers[0])' },
    ]);
  });

  it('refuses an empty viewers list, which would leave the figures about people to nobody', () => {
    expect(problemsOf({ viewers: [] }).map((p) => p.path)).toEqual(['reports.viewers']);
  });

  it('refuses two spans with one key', () => {
    expect(problemsOf({ spans: [span('A', 'B', 'x'), span('B', 'C', 'x')] })).toEqual([
      { path: 'reports.spans[1].key', message: 'duplicate span key "x" (first at reports.spans[0].key)' },
    ]);
  });

  it('refuses a key that is no lower-case latin word', () => {
    expect(problemsOf({ spans: [span('A', 'B', 'Paid to air')] }).map((p) => p.path)).toEqual(['reports.spans[0].key']);
  });

  it('names an unknown stage with the one meant', () => {
    expect(problemsOf({ spans: [span('Подключенье', STAGE.access)] }, DEFAULT_STAGES)).toEqual([
      { path: 'reports.spans[0].from', message: `unknown stage "Подключенье" (did you mean "${STAGE.connection}"?)` },
    ]);
  });

  it('refuses a span to or from a side stage', () => {
    expect(problemsOf({ spans: [span('A', 'S')] })).toEqual([
      { path: 'reports.spans[0].to', message: '"S" is a side stage; a span runs between stages of the main path, which every card goes through' },
    ]);
  });

  it('refuses a span that runs backward, or stays put', () => {
    expect(problemsOf({ spans: [span('C', 'A'), span('B', 'B', 'same')] })).toEqual([
      { path: 'reports.spans[0].to', message: 'a span runs forward: "C" (stage 3 of the main path) must come before "A" (stage 1)' },
      { path: 'reports.spans[1].to', message: 'a span runs forward: "B" (stage 2 of the main path) must come before "B" (stage 2)' },
    ]);
  });

  it('has an example in docs/rules.md that fits the default process', () => {
    const doc = readFileSync(resolve(__dirname, '../../../docs/rules.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n(reports:[\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    const rules = { ...parse(readFileSync(DEFAULT_RULES_FILE, 'utf8')), ...parse(blocks[0]!) };
    expect(parseRules(stringify(rules), 'yaml').reports).toEqual(loadDefaultRules().reports);
  });
});

describe('reportSpans', () => {
  it('is the rules’ spans, the first the headline', () => {
    expect(reportSpans(loadDefaultRules()).map((s) => s.key)).toEqual(['onboarding', 'paid-to-air']);
  });

  it('is, by default, one span over the whole main path, side stages aside', () => {
    expect(reportSpans(smallConfig(WITH_SIDE))).toEqual([
      { key: 'onboarding', label: { ru: 'Подключение станции', en: 'Station onboarding' }, from: 'A', to: 'C' },
    ]);
    expect(reportSpans(smallConfig({ ...WITH_SIDE, reports: { viewers: ['boss'] } }))[0]).toMatchObject({ from: 'A', to: 'C' });
  });
});

describe('viewerRights', () => {
  it('lets the rules’ viewers see people and export, whatever case they are written in', () => {
    const config = loadDefaultRules();
    expect(viewerRights(config, 'director')).toEqual({ seesPeople: true, canExport: true });
    expect(viewerRights(config, '@Accountant')).toEqual({ seesPeople: true, canExport: true });
    expect(viewerRights(config, 'manager')).toEqual({ seesPeople: false, canExport: false });
    expect(viewerRights(config, 'stranger')).toEqual({ seesPeople: false, canExport: false });
  });

  it('defaults to the admins', () => {
    const config = smallConfig({ admins: ['clerk'] });
    expect(viewerRights(config, 'bob')).toEqual({ seesPeople: true, canExport: true });
    expect(viewerRights(config, 'alice').seesPeople).toBe(false);
  });

  it('defaults, without admins, to every stage’s controller', () => {
    const config = smallConfig();
    expect(adminRoles(config)).toEqual(['boss']);
    expect(viewerRights(config, 'alice').seesPeople).toBe(true);
    expect(viewerRights(config, 'carol').seesPeople).toBe(false);
  });
});
