import { isCallbackRef, type CallbackRef, type HostContext } from '../protocol';
import { el } from './dom';
import type { Frame, Frames } from './frames';
import type { ShownBadge } from './host-config';

type Badge = { text?: string; color?: string; title?: string; callback?: CallbackRef; dynamic?: CallbackRef };

/** A capability's badges with the dynamic ones run once (Trello runs them again every `refresh` s). */
export async function resolveBadges(frames: Frames, connector: Frame, answer: unknown, context: HostContext): Promise<Badge[]> {
  const badges = Array.isArray(answer) ? (answer as Badge[]) : [];
  const resolved = await Promise.all(
    badges.map(async (badge) => (isCallbackRef(badge.dynamic) ? ((await frames.callback(connector, badge.dynamic.__gkCallback, context)) as Badge) : badge)),
  );
  // Trello draws no badge without text or icon.
  return resolved.filter((badge) => typeof badge.text === 'string' && badge.text !== '');
}

export function shown(badge: Badge): ShownBadge {
  return { text: badge.text ?? '', color: badge.color ?? null, ...(badge.title ? { title: badge.title } : {}) };
}

/** Badges as Trello draws them: coloured pills; a detail badge with a callback is a button. */
export function badgeElements(badges: Badge[], onClick?: (badge: Badge) => void): HTMLElement[] {
  return badges.map((badge) => {
    const pill = el(badge.callback && onClick ? 'button' : 'span', { class: `badge badge-${badge.color ?? 'none'}`, 'data-testid': 'badge' }, [badge.text ?? '']);
    if (badge.callback && onClick) pill.addEventListener('click', () => onClick(badge));
    if (!badge.title) return pill;
    return el('div', { class: 'detail-badge' }, [el('div', { class: 'detail-badge-title' }, [badge.title]), pill]);
  });
}

export type { Badge };
