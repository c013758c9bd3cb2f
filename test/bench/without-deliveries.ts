import type { Stack } from '../stack/start-stack';

/**
 * Runs `layOut` with the board's webhook switched off (PUT /1/webhooks/{id}?active=false, as on
 * Trello), so hundreds of set-up cards reach the board without the service judging and commenting
 * on each: at 9 calls a second that would cost minutes of budget before measuring anything. The
 * cards then simply predate the measurement, like cards that were on the board before a busy hour.
 */
export async function withoutDeliveries<T>(stack: Stack, layOut: () => T): Promise<T> {
  const [webhook] = stack.sim.webhooks().filter((w) => w.idModel === stack.board.boardId);
  if (!webhook) throw new Error(`[bench] board ${stack.board.boardId} has no webhook to switch off`);
  await setActive(stack, webhook.id, false);
  try {
    const laidOut = layOut();
    await stack.sim.idle();
    return laidOut;
  } finally {
    await setActive(stack, webhook.id, true);
  }
}

async function setActive(stack: Stack, webhookId: string, active: boolean): Promise<void> {
  const url = new URL(`/1/webhooks/${webhookId}`, stack.sim.url);
  url.search = new URLSearchParams({ active: String(active), key: stack.board.key, token: stack.board.members.gatekeeper.token }).toString();
  const response = await fetch(url, { method: 'PUT' });
  if (!response.ok) throw new Error(`[bench] could not set webhook ${webhookId} active=${active}: ${response.status} ${await response.text()}`);
}
