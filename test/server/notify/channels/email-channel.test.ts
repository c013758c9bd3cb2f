import { createEmailChannel } from '../../../../server/notify/channels/email-channel';
import { deliveryId, type Delivery } from '../../../../server/notify/delivery';
import { PermanentDeliveryError, RetryableDeliveryError } from '../../../../server/notify/delivery-errors';
import { moveReverted } from '../notices';
import { startSmtpStandIn, type SmtpStandIn } from '../stand-ins/smtp-stand-in';

const FROM = 'Gatekeeper <gatekeeper@radio.example>';
const delivery = (address = 'buh@example.com'): Delivery => ({ channel: 'email', address, usernames: ['manager'], notice: moveReverted });

describe('the e-mail channel', () => {
  let smtp: SmtpStandIn;
  beforeEach(async () => {
    smtp = await startSmtpStandIn({ user: 'gatekeeper', password: 'p@ss w0rd' });
  });
  afterEach(() => smtp.close());
  const channel = (smtpUrl = smtp.url) => createEmailChannel({ smtpUrl, from: FROM, language: 'ru', timeoutMs: 2_000 });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: Error) => err);

  it('logs in and mails the message: subject, plain text with the card link, the delivery id as Message-ID', async () => {
    const email = channel();
    await email.deliver(delivery());
    await email.close?.();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({
      from: '"Gatekeeper" <gatekeeper@radio.example>',
      to: ['buh@example.com'],
      subject: '«Радио Ромашка» не перешла в «Подключение»',
      messageId: '<a1-move-reverted-email-buh=example.com@radio.example>',
    });
    expect(mail!.text).toMatch(/^Станцию «Радио Ромашка» нельзя было переместить в «Подключение»[\s\S]*• не отмечено поле «Договор подписан»\nhttps:\/\/trello\.com\/c\/AbCd1234$/);
    expect(mail!.headers.get('x-gatekeeper-delivery')).toBe(deliveryId(delivery()));
  });

  it('gives up at once when the server refuses the address for good (550)', async () => {
    smtp.refuse('gone@example.com', 550, '5.1.1 <gone@example.com>: mailbox unavailable');
    const err = await failure(channel().deliver(delivery('gone@example.com')));
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err?.message).toMatch(/^\[email\] to gone@example\.com: 550 5\.1\.1 <gone@example\.com>: mailbox unavailable/);
  });

  it('asks for a retry when the server refuses for now (451)', async () => {
    smtp.refuse('busy@example.com', 451, '4.3.2 try again later', 1);
    expect(await failure(channel().deliver(delivery('busy@example.com')))).toBeInstanceOf(RetryableDeliveryError);
  });

  it('gives up at once on a wrong password, without showing it', async () => {
    const err = await failure(channel(smtp.url.replace('p%40ss%20w0rd', 'wrong')).deliver(delivery()));
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err?.message).toMatch(/535/);
    expect(err?.message).not.toMatch(/wrong|w0rd/);
  });
});
