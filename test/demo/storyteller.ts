import type { SimCard } from '../simulator/types';

type Comment = { text: string; memberCreator: string };

/** Prints the demo's story: each step, where the card stands, and what the service said on it. */
export function createStoryteller(out: NodeJS.WriteStream) {
  const color = out.isTTY ? (code: number, s: string) => `\x1b[${code}m${s}\x1b[0m` : (_: number, s: string) => s;
  const write = (line = '') => out.write(`${line}\n`);
  let stepNo = 0;
  let seenComments = 0;
  let lastList = '';
  let reverts = 0;
  let notices = 0;
  let seenChecklists = new Set<string>();
  return {
    title: (text: string) => write(color(1, text)),
    note: (text: string) => write(color(2, text)),
    step(text: string, card: SimCard, comments: Comment[]) {
      stepNo += 1;
      write();
      write(color(1, `${stepNo}. ${text}`));
      const fresh = comments.slice(seenComments).filter((c) => c.memberCreator === 'gatekeeper');
      seenComments = comments.length;
      const reverted = fresh.some((c) => c.text.includes('возвращена'));
      if (reverted) reverts += 1;
      else notices += fresh.length;
      const where = card.listName === lastList ? `карточка по-прежнему в «${card.listName}»` : `карточка в «${card.listName}»`;
      write(`   ${reverted ? color(31, '✗ перенос отменён —') : color(32, '✓')} ${where}`);
      lastList = card.listName;
      for (const list of card.checklists) {
        if (!seenChecklists.has(list.name)) write(`   ${color(36, `+ чек-лист «${list.name}»: ${list.checkItems.map((i) => i.name).join(', ')}`)}`);
      }
      seenChecklists = new Set(card.checklists.map((c) => c.name));
      for (const comment of fresh) {
        write(`   ${color(33, '@gatekeeper пишет в карточке:')}`);
        for (const line of comment.text.split('\n')) write(`     ${line}`);
      }
    },
    done(text: string) {
      write();
      write(color(1, text));
    },
    counts: () => ({ steps: stepNo, reverts, notices }),
  };
}
