import type { Language } from '../../rules';
import type { TrelloClient } from '../trello/create-trello-client';
import { createEmailChannel } from './channels/email-channel';
import { createTelegramChannel } from './channels/telegram-channel';
import { createTrelloCommentChannel } from './channels/trello-comment-channel';
import { createWebhookChannel } from './channels/webhook-channel';
import type { ChannelSettings } from './channel-settings';
import type { Channel } from './delivery';

/**
 * The channels a notify worker runs: the card comment always (it needs nothing but the Trello
 * client), the others when the rules use them and `channelSettings` found their settings.
 */
export function createChannels(deps: {
  settings: ChannelSettings;
  language: Language;
  trello: Pick<TrelloClient, 'addComment' | 'getCardComments'>;
}): Channel[] {
  const { settings, language } = deps;
  return [
    createTrelloCommentChannel({ trello: deps.trello, language }),
    ...(settings.telegram ? [createTelegramChannel({ ...settings.telegram, language })] : []),
    ...(settings.email ? [createEmailChannel({ ...settings.email, language })] : []),
    ...(settings.webhook ? [createWebhookChannel({ ...settings.webhook, language })] : []),
  ];
}
