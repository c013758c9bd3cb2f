import { createTransport } from 'nodemailer';
import type { Language } from '../../../rules';
import { deliveryId, type Channel, type Delivery } from '../delivery';
import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-errors';
import { plainText, subjectLine } from '../templates/render-message';

/** What nodemailer attaches to its errors (nodemailer's NodemailerError). */
type MailError = Error & { code?: string; response?: string; responseCode?: number; permanent?: boolean };

/** Errors that no retry mends: bad credentials, a bad configuration, an envelope without recipients. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE']);

/**
 * Mail over SMTP (`smtp://` with STARTTLS when offered, or `smtps://`), one message per address:
 * plain text only, the subject saying what happened. With no HTML part, nothing a member writes on
 * the board can become markup or a disguised link here; their text is only kept to one line. The
 * Message-ID is the delivery id, so if a message ever goes out twice, the receiving side can tell
 * it is the same one.
 */
export function createEmailChannel(deps: { smtpUrl: string; from: string; language: Language; timeoutMs?: number }): Channel {
  const timeout = deps.timeoutMs ?? 30_000;
  const transport = createTransport({
    url: deps.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: 'email',
    async deliver(delivery) {
      try {
        await transport.sendMail(message(delivery, deps.from, deps.language));
      } catch (err) {
        throw mailError(err as MailError, delivery.address);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function message(delivery: Delivery, from: string, language: Language) {
  const id = deliveryId(delivery);
  return {
    from,
    to: delivery.address,
    subject: subjectLine(delivery.notice, language),
    text: plainText(delivery.notice, language, 'plain'),
    // A msg-id has one "@"; the id of an e-mail delivery holds the address's own.
    messageId: `<${id.replace(/@/g, '=')}@${domainOf(from)}>`,
    headers: { 'X-Gatekeeper-Delivery': id },
  };
}

/** SMTP's own verdict first (5xx permanent, 4xx transient, RFC 5321), then the kind of failure. */
function mailError(err: MailError, address: string): Error {
  const text = `[email] to ${address}: ${err.response ?? err.message}`;
  if (err.permanent === true || (err.permanent === undefined && PERMANENT_CODES.has(err.code ?? ''))) {
    return new PermanentDeliveryError(text);
  }
  return new RetryableDeliveryError(text);
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1) || 'gatekeeper';
}
