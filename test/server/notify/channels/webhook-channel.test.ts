import { createWebhookChannel } from '../../../../server/notify/channels/webhook-channel';
import { deliveryId, webhookKey, type Delivery } from '../../../../server/notify/delivery';
import { PermanentDeliveryError, RetryableDeliveryError } from '../../../../server/notify/delivery-errors';
import { stageEntered } from '../notices';
import { startWebhookReceiver, type WebhookReceiver } from '../stand-ins/webhook-receiver';

const SECRET = 'a-shared-secret-of-at-least-32-characters';

describe('the outgoing webhook channel', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver({ secret: SECRET });
  });
  afterEach(() => receiver.close());
  const url = () => `${receiver.url}/hooks/gatekeeper`;
  const delivery = (): Delivery => ({ channel: 'webhook', address: webhookKey(url()), usernames: ['engineer'], notice: stageEntered });
  const channel = (secret = SECRET) => createWebhookChannel({ urls: [url()], secret, language: 'en' });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: Error) => err);

  it('posts JSON with a Slack-compatible text, signed so the receiver can verify it on its own', async () => {
    await channel().deliver(delivery());
    expect(receiver.refused).toBe(0);
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook!.delivery).toBe(deliveryId(delivery()));
    expect(hook!.body).toMatchObject({
      text: expect.stringMatching(/^Station "Радио Ромашка" has reached "Подключение" — your stage\.\n[\s\S]*https:\/\/trello\.com\/c\/AbCd1234$/),
      subject: '"Радио Ромашка" — your stage "Подключение"',
      delivery: deliveryId(delivery()),
      kind: 'stage-entered',
      language: 'en',
      cardUrl: 'https://trello.com/c/AbCd1234',
      recipients: ['engineer'],
      notice: stageEntered,
    });
  });

  it('is refused by the receiver when signed with another secret, and gives up', async () => {
    const err = await failure(channel('another-secret-of-at-least-32-characters').deliver(delivery()));
    expect(receiver.refused).toBe(1);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err?.message).toMatch(/^\[webhook\] POST to 127\.0\.0\.1:\d+ answered 401/);
  });

  it("asks for a retry on a 5xx, and after the receiver's Retry-After on a 429", async () => {
    receiver.failNext('/hooks/gatekeeper', { status: 503 }, { status: 429, headers: { 'Retry-After': '3' } });
    expect(await failure(channel().deliver(delivery()))).toBeInstanceOf(RetryableDeliveryError);
    expect(await failure(channel().deliver(delivery()))).toMatchObject({ name: 'RetryableDeliveryError', retryAfterMs: 3000 });
  });

  it('shows only the host of the URL in errors: the path of a Slack URL is its secret', async () => {
    receiver.failNext('/hooks/gatekeeper', { status: 410 });
    const err = await failure(channel().deliver(delivery()));
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err?.message).not.toContain('/hooks/gatekeeper');
  });

  it('gives up on a URL key the rules no longer have', async () => {
    const err = await failure(channel().deliver({ ...delivery(), address: webhookKey('https://old.example/hook') }));
    expect(err).toBeInstanceOf(PermanentDeliveryError);
  });
});
