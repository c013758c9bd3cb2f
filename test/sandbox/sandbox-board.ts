import type { HostConfig } from '../browser/host/trello/host-config';
import { hostCard } from '../browser/support/station-cards';
import type { DemoBoard, DemoMemberRole, TrelloSimulator } from '../simulator/types';
import { SANDBOX_ROLES, type SandboxRole } from './sandbox-roles';

export type SandboxComment = { text: string; author: string; authorName: string; date: string };

/** What the sandbox page reads every poll: the host's config for the member, and the cards' comments. */
export type SandboxBoard = {
  config: Omit<HostConfig, 'connectorUrl'>;
  comments: Record<string, SandboxComment[]>;
  members: { role: SandboxRole; fullName: string }[];
};

/** The simulator's board as Trello would show it to `role` right now (open cards only). */
export function readSandboxBoard(sim: TrelloSimulator, board: DemoBoard, cardIds: string[], role: SandboxRole): SandboxBoard {
  const open = cardIds.filter((id) => !sim.card(id).closed);
  const cards = open.map((id) => hostCard({ sim }, id));
  const pluginData = Object.fromEntries(
    open.flatMap((id) => {
      const item = sim.card(id).pluginData[0];
      return item ? [[id, JSON.parse(item.value) as Record<string, unknown>] as const] : [];
    }),
  );
  const nameOf = (username: string) =>
    Object.values(board.members).find((m) => m.username === username)?.fullName ?? username;
  const comments = Object.fromEntries(
    open.map((id) => [id, sim.comments(id).map((c) => ({ text: c.text, author: c.memberCreator, authorName: nameOf(c.memberCreator), date: c.date }))]),
  );
  const member = board.members[role as DemoMemberRole];
  return {
    config: {
      locale: 'ru',
      plugin: board.powerUpId,
      board: { id: board.boardId, name: 'Подключение клиентов' },
      lists: Object.entries(board.lists).map(([name, id]) => ({ id, name })),
      cards,
      member: { id: member.id, username: member.username, fullName: member.fullName },
      canWrite: true,
      pluginData,
    },
    comments,
    members: SANDBOX_ROLES.map((r) => ({ role: r, fullName: board.members[r].fullName })),
  };
}
