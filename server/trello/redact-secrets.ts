export type Redact = (text: string) => string;

const MASK = '***';

/**
 * Masks the API key and token wherever they could leak into text we keep: a path such
 * as /1/tokens/{token}/webhooks, an error body that echoes the request, a socket error.
 * Both the raw and the URL-encoded spelling are masked, since axios encodes query values.
 */
export function createRedactor(secrets: string[]): Redact {
  const spellings = secrets
    .filter((secret) => secret.length > 0)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  return (text) => spellings.reduce((masked, secret) => masked.split(secret).join(MASK), text);
}

/** Trello error bodies are plain text or JSON; keep messages readable in one log line. */
export function truncate(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
