import type { Language } from '../../rules';
import type { Notice } from './notice';

const mention = (usernames: string[]) => usernames.map((u) => `@${u}`).join(' ');

/** The text of a card comment: short enough to read in a phone notification, mentions first. */
export function commentText(notice: Notice, language: Language): string {
  switch (notice.kind) {
    case 'stage-entered':
      if (notice.arrival === 'create') {
        return language === 'ru'
          ? `${mention(notice.recipients)}, новая станция «${notice.cardName}» в «${notice.stage}» — ваш этап. Создал(а): ${who(notice.mover)}.`
          : `${mention(notice.recipients)}, new station "${notice.cardName}" in "${notice.stage}" — your stage. Created by ${who(notice.mover)}.`;
      }
      return language === 'ru'
        ? `${mention(notice.recipients)}, станция «${notice.cardName}» перешла в «${notice.stage}» — ваш этап. Переместил(а): ${who(notice.mover)}.`
        : `${mention(notice.recipients)}, station "${notice.cardName}" has reached "${notice.stage}" — your stage. Moved by ${who(notice.mover)}.`;
    case 'deadline-passed':
      return language === 'ru'
        ? `${mention(notice.recipients)}, станция «${notice.cardName}» в «${notice.stage}» с ${notice.enteredAt.slice(0, 10)}: срок этапа истёк ${notice.deadline.slice(0, 10)}.`
        : `${mention(notice.recipients)}, station "${notice.cardName}" has been in "${notice.stage}" since ${notice.enteredAt.slice(0, 10)}: the stage's time ran out on ${notice.deadline.slice(0, 10)}.`;
    case 'deadline-escalated':
      return language === 'ru'
        ? `${mention(notice.recipients)}, станция «${notice.cardName}» застряла в «${notice.stage}»: срок истёк ${notice.deadline.slice(0, 10)}, ответственные: ${mention(notice.owners)}.`
        : `${mention(notice.recipients)}, station "${notice.cardName}" is stuck in "${notice.stage}": its time ran out on ${notice.deadline.slice(0, 10)}; owners: ${mention(notice.owners)}.`;
    case 'suspended':
      return language === 'ru'
        ? `${mention(notice.recipients)}, станция «${notice.cardName}» приостановлена за задолженность — остановите вещание. Перенёс(ла): ${who(notice.mover)}.`
        : `${mention(notice.recipients)}, station "${notice.cardName}" is suspended for unpaid debt — stop the broadcast. Moved by ${who(notice.mover)}.`;
    case 'resumed':
      return language === 'ru'
        ? `${mention(notice.recipients)}, станция «${notice.cardName}» снова активна — возобновите вещание. Перенёс(ла): ${who(notice.mover)}.`
        : `${mention(notice.recipients)}, station "${notice.cardName}" is active again — resume the broadcast. Moved by ${who(notice.mover)}.`;
    case 'move-reverted': {
      const reasons = notice.reasons.map((r) => `• ${r[language]}`).join('\n');
      return language === 'ru'
        ? `@${notice.mover.username}, карточку нельзя было переместить в «${notice.attemptedStage}» — она возвращена в «${notice.revertedTo}».\nПричины:\n${reasons}`
        : `@${notice.mover.username}, this card could not move to "${notice.attemptedStage}" — it is back in "${notice.revertedTo}".\nReasons:\n${reasons}`;
    }
  }
}

function who(person: { username: string; fullName: string }): string {
  return person.fullName ? `${person.fullName} (@${person.username})` : `@${person.username}`;
}
