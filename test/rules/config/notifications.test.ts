import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRules, RulesError, type RulesProblem } from '../../../rules';
import { loadDefaultRules } from '../default-rules';
import { smallConfig } from '../small-config';
import { pathsAndMessages } from '../paths-and-messages';

const EXAMPLE = resolve(__dirname, '../../../rules/examples/all-channels.yaml');

function problemsOf(notifications: unknown): RulesProblem[] {
  try {
    smallConfig({ notifications });
    return [];
  } catch (err) {
    if (err instanceof RulesError) return pathsAndMessages(err.problems);
    throw err;
  }
}

describe('the notifications section of the rules', () => {
  it('defaults to a card comment for everyone, so files without it keep working', () => {
    expect(loadDefaultRules().notifications).toEqual({ routes: { '*': { channels: ['trello-comment'] } } });
  });

  it('accepts the all-channels example file', () => {
    const config = parseRules(readFileSync(EXAMPLE, 'utf8'), 'yaml');
    expect(Object.keys(config.notifications.routes)).toEqual(['*', 'engineer', 'accountant', '@ivan_petrov']);
    expect(config.notifications.everyNotice?.channels).toEqual(['webhook']);
  });

  it('takes chat ids written as numbers (as YAML reads them) or as strings, and @channel names', () => {
    const routes = { '*': { channels: ['telegram'], telegram: [-1001234567890, '42', '@radio_news'] } };
    expect(problemsOf({ routes })).toEqual([]);
  });

  describe('when a channel lacks what it needs', () => {
    it('names the missing chat ids, addresses, URLs and sender', () => {
      const routes = { '*': { channels: ['trello-comment', 'telegram', 'email', 'webhook'] } };
      expect(problemsOf({ routes })).toEqual([
        { path: 'notifications.routes["*"].telegram', message: expect.stringMatching(/"telegram" is listed but no chat ids are given/) },
        { path: 'notifications.routes["*"].email', message: expect.stringMatching(/"email" is listed but no addresses are given/) },
        { path: 'notifications.routes["*"].webhook', message: expect.stringMatching(/"webhook" is listed but no URLs are given/) },
        { path: 'notifications.emailFrom', message: expect.stringMatching(/sender is required/) },
      ]);
    });
  });

  it('refuses addresses for a channel the route does not use, rather than ignore them', () => {
    const routes = { '*': { channels: ['trello-comment'], email: ['boss@example.com'] } };
    expect(problemsOf({ routes })).toEqual([
      { path: 'notifications.routes["*"].email', message: expect.stringMatching(/"email" is not in channels/) },
    ]);
  });

  it('needs a "*" route, so nobody is left without one', () => {
    expect(problemsOf({ routes: { clerk: { channels: ['trello-comment'] } } })).toEqual([
      { path: 'notifications.routes', message: expect.stringMatching(/add a "\*" route/) },
    ]);
  });

  it('names an unknown role with a suggestion, and a member routed twice', () => {
    const routes = {
      '*': { channels: ['trello-comment'] },
      clerc: { channels: ['trello-comment'] },
      '@Bob': { channels: ['trello-comment'] },
      '@bob': { channels: ['trello-comment'] },
    };
    expect(problemsOf({ routes })).toEqual([
      { path: 'notifications.routes.clerc', message: 'unknown role "clerc" (did you mean "clerk"?)' },
      { path: 'notifications.routes["@bob"]', message: expect.stringMatching(/duplicate member route "@bob"/) },
    ]);
  });

  it('keeps the card comment out of everyNotice: it already goes with every notice', () => {
    const everyNotice = { channels: ['trello-comment'] };
    expect(problemsOf({ everyNotice }).map((p) => p.path)).toEqual(['notifications.everyNotice.channels[0]']);
  });

  it('checks the shape of every address', () => {
    const routes = {
      '*': { channels: ['telegram', 'email', 'webhook'], telegram: ['ivan'], email: ['not-an-address'], webhook: ['ftp://x.example'] },
    };
    expect(problemsOf({ routes, emailFrom: 'Gatekeeper' }).map((p) => p.path)).toEqual([
      'notifications.routes["*"].telegram[0]',
      'notifications.routes["*"].email[0]',
      'notifications.routes["*"].webhook[0]',
      'notifications.emailFrom',
    ]);
  });

  it('names a mistyped key with a suggestion', () => {
    const routes = { '*': { chanels: ['trello-comment'] } };
    expect(problemsOf({ routes })).toContainEqual({
      path: 'notifications.routes["*"].chanels', message: 'unknown key "chanels" (did you mean "channels"?)',
    });
  });
});
