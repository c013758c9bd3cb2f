import { createTransport } from 'nodemailer';

export type SendMail = (mail: { to: string; subject: string; text: string }) => Promise<void>;

/**
 * Mail to a station's contact, sent while the member waits: a credentials link must not sit in a
 * queue in Redis, where a dump would hold a working link. Plain text, as the notifications are.
 */
export function createClientMailer(opts: { smtpUrl: string; from: string; timeoutMs?: number }): SendMail {
  const timeout = opts.timeoutMs ?? 20_000;
  const transport = createTransport({ url: opts.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return async (mail) => {
    await transport.sendMail({ from: opts.from, ...mail });
  };
}
