/**
 * How a channel reads the text it carries, for the parts of it that members wrote on the board:
 * - `trello-markdown`: a card comment. Trello renders Markdown and turns `@name`, `@board`, `@card`
 *   into mentions that notify people.
 * - `slack`: the webhook's `text`, as Slack, Mattermost and Rocket.Chat read it: `&`, `<`, `>` are
 *   control characters (`<!channel>`, `<url|text>`), Mattermost and Rocket.Chat also render Markdown
 *   links and `@channel`/`@here`/`@all`/`@name` mentions.
 * - `telegram`: a Bot API message with no parse mode. No markup, but Telegram still finds
 *   `@username` in the text and makes it a mention, which notifies that person in a group.
 * - `plain`: the e-mail's plain-text body and subject; nothing there is markup.
 */
export type TextDialect = 'trello-markdown' | 'slack' | 'telegram' | 'plain';

/**
 * The zero-width joiner breaks a mention or a link without changing what a person reads. Every
 * renderer knows it as invisible (emoji sequences depend on it), where the word joiner U+2060
 * shows as a box in some fonts; code spans would also do in Trello, but they set a station's name
 * in monospace and need their own escaping for backticks, and whether Trello looks for mentions
 * inside them is not documented — a mention parser cannot match `@` followed by a joiner.
 */
const JOINER = '\u200D';

/**
 * Text from the board (card, list and member names, values quoted in reasons) made inert for a
 * channel: it reads the same, but mentions no one, links nowhere in disguise, and stays on its line.
 */
export function inertText(text: string, dialect: TextDialect): string {
  const line = oneLine(text);
  switch (dialect) {
    case 'plain':
      return line;
    case 'telegram':
      return unmention(line);
    case 'trello-markdown':
      return unlink(unmention(line));
    case 'slack':
      return unlink(unmention(escapeSlackControls(line)));
  }
}

/**
 * One line, without control characters: a line break would let a name start a Markdown heading or
 * a link definition, or pass for a line the service wrote; a bidi override would reverse the
 * service's own words after it.
 */
function oneLine(text: string): string {
  return text
    .replace(/\s*[\n\v\f\r\u0085\u2028\u2029]+\s*/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** `@board` → `@‍board`: after every `@`, so a mention cannot form even across two values. */
function unmention(text: string): string {
  return text.replaceAll('@', `@${JOINER}`);
}

/**
 * `[text](url)` → `[text]‍(url)`: a Markdown link needs its `](` together, so it shows as written and
 * its URL, if any, as itself. After every `]`, so a link cannot span two values either.
 */
function unlink(text: string): string {
  return text.replaceAll(']', `]${JOINER}`);
}

/** Slack's escaping: only these three, as entities; anything more would show as `&#39;` and the like. */
function escapeSlackControls(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
