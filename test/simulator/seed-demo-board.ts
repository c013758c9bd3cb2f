import type { SimContext } from './context';
import type { MemberRecord } from './state/records';
import type { DemoBoard, DemoMemberRole } from './types';

/** The nine stages of Gatekeeper's default onboarding process, in board order. */
export const DEFAULT_DEMO_LISTS = [
  'Новая заявка',
  'Сбор данных',
  'Техническая экспертиза',
  'Договор и оплата',
  'Подключение',
  'Выдача доступов',
  'Регистрация в учёте',
  'Активный клиент',
  'Приостановлен (задолженность)',
];

const DEMO_MEMBERS: Record<DemoMemberRole, string> = {
  director: 'Ирина Директорова',
  manager: 'Максим Менеджеров',
  engineer: 'Евгений Инженеров',
  accountant: 'Анна Бухгалтерова',
  gatekeeper: 'Gatekeeper',
};

/**
 * A board with the demo lists and the five demo members (the bot `gatekeeper`
 * included). Members are created once per simulator and join every seeded board.
 */
export function seedDemoBoard(ctx: SimContext, lists: string[] = DEFAULT_DEMO_LISTS): DemoBoard {
  const { state } = ctx;
  const members = Object.fromEntries(
    (Object.keys(DEMO_MEMBERS) as DemoMemberRole[]).map((role) => [role, demoMember(ctx, role)]),
  ) as Record<DemoMemberRole, MemberRecord>;
  const board = {
    id: state.ids.objectId(),
    name: 'Подключение клиентов',
    desc: '',
    closed: false,
    shortLink: state.ids.shortLink(),
    memberIds: Object.values(members).map((m) => m.id),
    // The integration's own account made the board; the people are normal members.
    adminIds: [members.gatekeeper.id],
    nextIdShort: 1,
  };
  state.boards.set(board.id, board);
  const listIds: Record<string, string> = {};
  lists.forEach((name, index) => {
    const list = { id: state.ids.objectId(), idBoard: board.id, name, closed: false, pos: (index + 1) * 16384 };
    state.lists.set(list.id, list);
    listIds[name] = list.id;
  });
  const publicMembers = Object.fromEntries(
    Object.entries(members).map(([role, m]) => [role, { id: m.id, username: m.username, fullName: m.fullName, token: m.token }]),
  ) as DemoBoard['members'];
  return { boardId: board.id, key: ctx.key, lists: listIds, members: publicMembers, powerUpId: ctx.powerUpId, appId: ctx.appId };
}

function demoMember(ctx: SimContext, role: DemoMemberRole): MemberRecord {
  const existing = ctx.state.memberByIdOrUsername(role);
  if (existing) return existing;
  const fullName = DEMO_MEMBERS[role];
  const member: MemberRecord = {
    id: ctx.state.ids.objectId(),
    username: role,
    fullName,
    initials: fullName.split(/\s+/).map((word) => word.charAt(0).toUpperCase()).join('').slice(0, 3),
    avatarHash: ctx.state.ids.hex(16),
    // The swagger's token pattern is 64 hex (docs/trello-reference.md §3 "Base URL and auth").
    token: ctx.state.ids.hex(32),
  };
  ctx.state.members.set(member.id, member);
  return member;
}
