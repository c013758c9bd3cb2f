// The words of Trello's REST paths. Any other segment is an id, a short link or a secret, and
// becomes a placeholder: a label must neither grow with every card nor carry the token.
const TRELLO_PATH_WORDS = new Set([
  '1', 'actions', 'attachments', 'board', 'boards', 'cards', 'checkItem', 'checkItems', 'checklists',
  'comments', 'customField', 'customFieldItems', 'customFields', 'labels', 'list', 'lists', 'me',
  'members', 'memberships', 'organizations', 'pluginData', 'plugins', 'search', 'tokens', 'webhooks',
]);

/**
 * The route a Trello call went to, for a metric label: `/1/cards/5f…/actions/comments` →
 * `/1/cards/:id/actions/comments`, `/1/tokens/<token or ***>/webhooks` → `/1/tokens/:token/webhooks`.
 * The query string is dropped.
 */
export function trelloRoute(path: string): string {
  const segments = path.split('?')[0]!.split('/');
  return segments
    .map((segment, i) => {
      if (segment === '' || TRELLO_PATH_WORDS.has(segment)) return segment;
      return segments[i - 1] === 'tokens' ? ':token' : ':id';
    })
    .join('/');
}
