import { changeCount, needsPerson, type BoardSetupPlan } from './plan-board-setup';
import type { AppliedSetup } from './set-up-board';

const quoted = (names: string[]) => names.map((name) => `«${name}»`).join(', ');
const place = (after: string | null) => (after === null ? 'first on the board' : `after «${after}»`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What `npm run setup` prints: per part (lists, members, webhook, Power-Up) what it found and what
 * it would do, or with `applied` what it did, then one result line. Lines that need a person start
 * with "NEEDS A PERSON", so they stand out and can be searched for.
 */
export function setupReport(plan: BoardSetupPlan, applied: AppliedSetup | null, callbackURL: string): string {
  const lines: string[] = [`board ${plan.boardId}: ${applied ? 'set-up applied' : 'set-up plan (dry run: nothing was changed)'}`];

  lines.push('lists:');
  if (applied) {
    plan.createLists.forEach((list, n) => {
      const made = applied.lists[n];
      if (made) lines.push(`  created «${made.name}» ${place(list.after)} (id ${made.id}, pos ${made.pos})`);
    });
  } else {
    for (const list of plan.createLists) lines.push(`  would create «${list.name}» ${place(list.after)} (pos ${list.pos})`);
  }
  for (const name of plan.archivedStageLists) {
    lines.push(
      `  NEEDS A PERSON: «${name}» is archived — restore it in Trello (board menu → Archived items → Switch to lists → Restore); ` +
        'set-up does not create a second list of that name',
    );
  }
  const present = plan.stageLists - plan.createLists.length - plan.archivedStageLists.length;
  if (plan.createLists.length === 0 && plan.archivedStageLists.length === 0) lines.push(`  ok: the ${plural(plan.stageLists, 'stage list is', 'stage lists are')} on the board`);
  else if (present > 0) lines.push(`  ok: ${present} of the ${plan.stageLists} stage lists are on the board`);
  for (const name of plan.duplicateLists) lines.push(`  warning: «${name}» is open on the board more than once; Gatekeeper treats each one as the stage`);
  if (plan.unknownLists.length > 0) lines.push(`  note: not in the rules: ${quoted(plan.unknownLists)} (left as ${plan.unknownLists.length === 1 ? 'it is' : 'they are'})`);

  lines.push('members:');
  for (const { username, roles } of plan.missingMembers) {
    lines.push(`  NEEDS A PERSON: @${username} (${roles.join(', ')}) is not a member of the board — invite them (Share), or change the role in the rules`);
  }
  if (plan.missingMembers.length === 0) lines.push(`  ok: the ${plural(plan.roleMembers, 'person', 'people')} the roles name ${plan.roleMembers === 1 ? 'is a member' : 'are members'} of the board`);

  lines.push('webhook:');
  const hook = plan.webhook;
  if (applied?.webhook) {
    const { id, created } = applied.webhook;
    lines.push(created ? `  registered webhook ${id} → ${callbackURL}` : `  turned webhook ${id} back on → ${callbackURL}`);
  } else if (hook.action === 'create') lines.push(`  would register a webhook → ${callbackURL}`);
  else if (hook.action === 'enable') {
    lines.push(`  would turn webhook ${hook.id} back on (Trello disabled it after ${hook.consecutiveFailures} failed deliveries) → ${callbackURL}`);
  } else lines.push(`  ok: webhook ${hook.id} → ${callbackURL} is registered and active`);
  if (hook.action !== 'create' && hook.consecutiveFailures > 0) {
    lines.push(`  warning: Trello's last ${plural(hook.consecutiveFailures, 'delivery', 'deliveries')} to it failed — check that PUBLIC_URL reaches this service`);
  }

  lines.push('power-up:');
  const { powerUpId, cards, cardsWithData } = plan.powerUp;
  if (cardsWithData === 0) {
    lines.push(`  warning: no card has station data from POWERUP_ID (${powerUpId}) yet — is the Power-Up enabled on the board?`);
  } else lines.push(`  ok: ${cardsWithData} of ${plural(cards, 'open card carries', 'open cards carry')} station data from POWERUP_ID (${powerUpId})`);

  const changes = changeCount(plan);
  if (changes === 0) lines.push('result: nothing to do');
  else if (applied) lines.push(`result: done — ${plural(changes, 'change', 'changes')} made`);
  else lines.push(`result: ${plural(changes, 'change', 'changes')} to make — run again with --apply to make ${changes === 1 ? 'it' : 'them'}`);
  if (needsPerson(plan)) {
    const todo = [
      plan.missingMembers.length ? plural(plan.missingMembers.length, 'member to invite', 'members to invite') : '',
      plan.archivedStageLists.length ? plural(plan.archivedStageLists.length, 'archived list to restore', 'archived lists to restore') : '',
    ].filter(Boolean);
    lines.push(`NEEDS A PERSON: ${todo.join(', ')} (see above); the board is not fully set up until then`);
  }
  return `${lines.join('\n')}\n`;
}
