import { readFileSync } from 'node:fs';
import { parseRules, RulesError, type RulesProblem } from '../../../rules';
import { VaultEntryFields } from '../../../rules';
import { DEFAULT_RULES_FILE } from '../default-rules';
import { smallConfig } from '../small-config';
import { pathsAndMessages } from '../paths-and-messages';

function problemsOf(vault: unknown): RulesProblem[] {
  try {
    smallConfig({ vault });
    return [];
  } catch (err) {
    if (err instanceof RulesError) return pathsAndMessages(err.problems);
    throw err;
  }
}

const RIGHTS = { view: ['clerk', 'boss'], edit: ['clerk'], share: ['clerk'] };

describe('the vault section of the rules', () => {
  it('gives engineers the credentials in the default rules, the director a look, and ticks «Доступы отправлены клиенту»', () => {
    expect(parseRules(readFileSync(DEFAULT_RULES_FILE, 'utf8'), 'yaml').vault).toEqual({
      view: ['engineer', 'director'],
      edit: ['engineer'],
      share: ['engineer', 'manager'],
      audit: ['director'],
      link: { expiresInDays: 3, checklist: 'Запуск', item: 'Доступы отправлены клиенту' },
    });
  });

  it('may be left out: no «Доступы» then', () => {
    expect(smallConfig().vault).toBeUndefined();
  });

  it('fills in the link defaults', () => {
    expect(smallConfig({ vault: RIGHTS }).vault?.link).toEqual({ expiresInDays: 3 });
  });

  it('names unknown and repeated roles by their path', () => {
    expect(problemsOf({ ...RIGHTS, view: ['clerk', 'bos'], audit: ['boss', 'boss'] })).toEqual([
      { path: 'vault.view[1]', message: 'unknown role "bos" (did you mean "boss"?)' },
      { path: 'vault.audit[1]', message: 'duplicate audit role "boss" (first at vault.audit[0])' },
    ]);
  });

  it('checks that the item sending ticks is on its checklist', () => {
    expect(problemsOf({ ...RIGHTS, link: { checklist: 'Запуск', item: 'Дав' } })).toEqual([
      { path: 'vault.link.item', message: 'checklist "Запуск" has no item "Дав" (did you mean "Два"?)' },
    ]);
    expect(problemsOf({ ...RIGHTS, link: { checklist: 'Запусk', item: 'Два' } })).toEqual([
      { path: 'vault.link.checklist', message: 'unknown checklist "Запусk" (did you mean "Запуск"?)' },
    ]);
    expect(problemsOf({ ...RIGHTS, link: { item: 'Два' } }).map((p) => p.path)).toEqual(['vault.link.checklist']);
    expect(problemsOf({ ...RIGHTS, link: { checklist: 'Запуск', item: 'два' } })).toEqual([]);
  });

  it('refuses a missing right and an unknown key', () => {
    expect(problemsOf({ view: ['clerk'], edit: ['clerk'] }).map((p) => p.path)).toEqual(['vault.share']);
    expect(problemsOf({ ...RIGHTS, reveal: ['clerk'] }).map((p) => p.path)).toEqual(['vault.reveal']);
  });
});

describe('a vault entry', () => {
  it('needs a label and a secret, and trims what a person typed', () => {
    expect(VaultEntryFields.parse({ label: ' Icecast ', secret: 's' })).toEqual({ label: 'Icecast', login: '', secret: 's', url: '', note: '' });
    const problems = VaultEntryFields.safeParse({ label: '', secret: '', url: 'javascript:alert(1)' }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems).toEqual([
      'label: a label is required, e.g. «Icecast source»',
      'secret: the secret is required',
      'url: a URL, e.g. https://panel.example.ru',
    ]);
  });
});
