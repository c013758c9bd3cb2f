import { didYouMean } from './did-you-mean';
import type { RulesProblem } from './rules-error';

/**
 * `unknown role "enginer" (did you mean "engineer"?)`; without a close match, the known names when
 * they are few. `of` places the name: ` of "streams"`.
 */
export function unknownName(kind: string, name: string, known: readonly string[], of = ''): string {
  const text = `unknown ${kind} "${name}"${of}`;
  const suggestion = didYouMean(name, known);
  if (suggestion || known.length === 0 || known.length > 12) return text + suggestion;
  return `${text}; known: ${known.map((k) => `"${k}"`).join(', ')}`;
}

/** A problem for every name after the first that `same` calls equal to an earlier one. */
export function duplicates(
  names: readonly { name: string; path: string }[],
  kind: string,
  normalise: (name: string) => string = (name) => name,
): RulesProblem[] {
  const first = new Map<string, string>();
  return names.flatMap(({ name, path }) => {
    const earlier = first.get(normalise(name));
    if (earlier === undefined) {
      first.set(normalise(name), path);
      return [];
    }
    return [{ path, message: `duplicate ${kind} "${name}" (first at ${earlier})` }];
  });
}
