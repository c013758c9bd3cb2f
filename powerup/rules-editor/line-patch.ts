// A draft as its changes to the version it started from: small enough for Trello's 4096 characters
// of private board data, where the browser refuses the editor's page its own storage (draft-store.ts).
import { diffLines } from 'diff';

/** Lines kept (a positive count), dropped (a negative count), or written (their text), in order. */
export type LinePatch = (number | string)[];

export function linePatch(before: string, after: string): LinePatch {
  return diffLines(before, after).map((part) => (part.added ? part.value : part.removed ? -part.count : part.count));
}

/** `after` again from `before` and the patch; null when the patch does not fit `before`. */
export function applyLinePatch(before: string, patch: LinePatch): string | null {
  // The lines as diffLines counts them: each with its own newline.
  const lines = before.split(/(?<=\n)/).filter((line) => line !== '');
  let at = 0;
  let out = '';
  for (const step of patch) {
    if (typeof step === 'string') out += step;
    else if (step >= 0) {
      if (at + step > lines.length) return null;
      out += lines.slice(at, at + step).join('');
      at += step;
    } else at -= step;
  }
  return at === lines.length ? out : null;
}
