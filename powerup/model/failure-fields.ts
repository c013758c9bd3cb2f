import type { Failure } from '../../rules';

/**
 * The station fields a list of failures is about, in the order of the failures, each once: what
 * the «чего не хватает» popup offers to fill in place. The engine names them in `facts.field`
 * (or `facts.anyOf` for «a phone or an e-mail»); roles and checklists name no field.
 */
export function fieldsOfFailures(failures: readonly Failure[]): string[] {
  const keys = failures.flatMap((f) => {
    const { field, anyOf } = f.facts;
    if (typeof field === 'string') return [field];
    return Array.isArray(anyOf) ? anyOf.filter((key): key is string => typeof key === 'string') : [];
  });
  return [...new Set(keys)];
}
