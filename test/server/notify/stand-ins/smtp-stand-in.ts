import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; messageId: string; headers: Map<string, unknown> };
type Refusal = { code: number; message: string; times: number };

export type SmtpStandIn = {
  /** smtp://user:password@127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** RCPT TO attempts refused, by address. */
  refusedCount(address: string): number;
  /** Refuses RCPT TO for `address` with `code` (550 for good, 451 for now), `times` times (default: always). */
  refuse(address: string, code: number, message: string, times?: number): void;
  close(): Promise<void>;
};

/**
 * A real SMTP server in-process (smtp-server) that requires the login, accepts or refuses each
 * recipient as the test says, and parses what it receives with mailparser, as a mailbox would.
 * No STARTTLS: the test talks to it in the clear, so the login is allowed without TLS here only.
 */
export async function startSmtpStandIn(opts: { user: string; password: string }): Promise<SmtpStandIn> {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, Refusal>();
  const refused = new Map<string, number>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === opts.user && auth.password === opts.password) return done(null, { user: auth.username });
      return done(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, done) {
      const refusal = refusals.get(address.address);
      if (!refusal || refusal.times === 0) return done();
      refusal.times -= 1;
      refused.set(address.address, (refused.get(address.address) ?? 0) + 1);
      return done(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: mail.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: (mail.text ?? '').trimEnd(),
            messageId: mail.messageId ?? '',
            headers: mail.headers,
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${opts.user}:${encodeURIComponent(opts.password)}@127.0.0.1:${port}`,
    received,
    refusedCount: (address) => refused.get(address) ?? 0,
    refuse(address, code, message, times = Infinity) {
      refusals.set(address, { code, message, times });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
