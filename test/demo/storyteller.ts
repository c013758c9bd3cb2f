import type { SimCard } from '../simulator/types';

type Comment = { text: string; memberCreator: string };

/**
 * Prints the demo's story: each step, where the card stands, and what the service said on it.
 * Comments and lists are followed per card, so a second story can run beside the first.
 */
export function createStoryteller(out: NodeJS.WriteStream) {
  const color = out.isTTY ? (code: number, s: string) => `\x1b[${code}m${s}\x1b[0m` : (_: number, s: string) => s;
  const write = (line = '') => out.write(`${line}\n`);
  let stepNo = 0;
  let reverts = 0;
  let notices = 0;
  const seen = new Map<string, { comments: number; list: string; checklists: Set<string> }>();
  return {
    title: (text: string) => write(color(1, text)),
    note: (text: string) => write(color(2, text)),
    step(text: string, card: SimCard, comments: Comment[]) {
      stepNo += 1;
      write();
      write(color(1, `${stepNo}. ${text}`));
      const before = seen.get(card.id) ?? { comments: 0, list: '', checklists: new Set<string>() };
      const fresh = comments.slice(before.comments).filter((c) => c.memberCreator === 'gatekeeper');
      const reverted = fresh.some((c) => c.text.includes('возвращена'));
      if (reverted) reverts += 1;
      else notices += fresh.length;
      const where = card.listName === before.list ? `карточка по-прежнему в «${card.listName}»` : `карточка в «${card.listName}»`;
      write(`   ${reverted ? color(31, '✗ перемещение отменено —') : color(32, '✓')} ${where}`);
      for (const list of card.checklists) {
        if (!before.checklists.has(list.name)) write(`   ${color(36, `+ чек-лист «${list.name}»: ${list.checkItems.map((i) => i.name).join(', ')}`)}`);
      }
      seen.set(card.id, { comments: comments.length, list: card.listName, checklists: new Set(card.checklists.map((c) => c.name)) });
      for (const comment of fresh) {
        write(`   ${color(33, '@gatekeeper пишет в карточке:')}`);
        // As Trello shows it: the zero-width joiner that keeps a named @username from mentioning is invisible.
        for (const line of comment.text.replaceAll('\u200D', '').split('\n')) write(`     ${line}`);
      }
    },
    /** A line of the story that is not a step: what a step's comments meant. */
    remark: (text: string) => write(`   ${color(35, text)}`),
    done(text: string) {
      write();
      write(color(1, text));
    },
    counts: () => ({ steps: stepNo, reverts, notices }),
  };
}
