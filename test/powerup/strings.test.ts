import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import en from '../../powerup/strings/en.json';
import ru from '../../powerup/strings/ru.json';

const POWERUP = resolve(__dirname, '../../powerup');
/** Plural families chosen at run time (`badge-missing-${unit}`), which a scan of the sources cannot see. */
const DYNAMIC_FAMILIES = ['badge-missing-fields', 'badge-missing-items', 'badge-missing-conditions'];
const PLURAL_FORMS = { ru: ['one', 'few', 'many', 'other'], en: ['one', 'other'] } as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'build' ? [] : sources(path);
    return path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every key the Power-Up asks for: text('…'), localizeKey('…'), message('…'), { key: '…' }. */
function usedKeys(): string[] {
  const pattern = /(?:text|localizeKey|message)\('([a-z0-9-]+)'|key: '([a-z0-9-]+)'/g;
  const keys = sources(POWERUP).flatMap((source) => [...source.matchAll(pattern)].map((m) => (m[1] ?? m[2])!));
  return [...new Set(keys)].sort();
}

describe('the strings files', () => {
  it.each([
    ['ru', ru as Record<string, string>],
    ['en', en as Record<string, string>],
  ] as const)('%s has every key the Power-Up uses, plural families in every form the language needs', (locale, strings) => {
    const missing = [...usedKeys(), ...DYNAMIC_FAMILIES].filter((key) => {
      if (strings[key] !== undefined) return false;
      return PLURAL_FORMS[locale].some((form) => strings[`${key}-${form}`] === undefined);
    });
    expect(missing).toEqual([]);
  });

  it('have the same keys in Russian and English, apart from Russian plural forms', () => {
    const base = (keys: string[]) => new Set(keys.map((key) => key.replace(/-(one|few|many|other)$/, '')));
    expect(base(Object.keys(en))).toEqual(base(Object.keys(ru)));
  });

  it('use only placeholders that the code fills in', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [key, text] of Object.entries(ru)) {
      const english = (en as Record<string, string>)[key] ?? (en as Record<string, string>)[key.replace(/-(few|many)$/, '-other')];
      expect([key, new Set(placeholders(text))]).toEqual([key, new Set(placeholders(english ?? ''))]);
    }
  });
});
