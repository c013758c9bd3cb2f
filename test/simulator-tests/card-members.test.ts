import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTrelloSimulator, type DemoBoard, type TrelloAction, type TrelloSimulator } from '../simulator';
import { keyTree } from './support/key-tree';
import { simClient } from './support/sim-client';

const FIXTURE: TrelloAction = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'fixtures', 'trello', 'addMemberToCard-action-2015.json'), 'utf8'),
);

describe('POST /1/cards/:id/idMembers', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let api: ReturnType<typeof simClient>;
  let cardId: string;

  beforeEach(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    demo = sim.seedDemoBoard();
    api = simClient(sim, demo.members.gatekeeper.token);
    cardId = sim.ui('manager').createCard('Новая заявка', 'Радио Ромашка');
  });
  afterEach(() => sim.close());

  it("puts a board member on the card and answers with the card's members", async () => {
    const res = await api.post(`/cards/${cardId}/idMembers`, { value: demo.members.engineer.id });

    expect(res.status).toBe(200);
    expect(res.body).toEqual([{
      id: demo.members.engineer.id, avatarHash: expect.any(String), fullName: 'Евгений Инженеров', initials: expect.any(String), username: 'engineer',
    }]);
    expect(sim.card(cardId).idMembers).toEqual([demo.members.engineer.id]);
    const read = await api.get(`/cards/${cardId}`, { fields: 'idMembers' });
    expect(read.body.idMembers).toEqual([demo.members.engineer.id]);
    const onBoard = await api.get(`/boards/${demo.boardId}/cards`, { fields: 'id,idMembers' });
    expect(onBoard.body).toContainEqual({ id: cardId, idMembers: [demo.members.engineer.id] });
  });

  it('records addMemberToCard with the keys of the captured action, and the newer data.member', async () => {
    await api.post(`/cards/${cardId}/idMembers`, { value: demo.members.engineer.id });

    const [added] = sim.actions({ type: 'addMemberToCard', cardId });
    const { member: dataMember, ...data } = added!.data;
    expect(dataMember).toEqual({ id: demo.members.engineer.id, name: 'Евгений Инженеров' });
    // memberCreator has the 2024 shape every action has; the 2015 capture predates its extra keys.
    const { display, appCreator, limits, memberCreator, ...rest } = { ...added!, data };
    const { memberCreator: oldCreator, ...fixture } = FIXTURE;
    expect(keyTree(rest)).toEqual(keyTree(fixture));
    expect(Object.keys(memberCreator)).toEqual(expect.arrayContaining(Object.keys(oldCreator)));
    expect(appCreator).toEqual({ id: demo.appId });
    expect(limits).toBeNull();
    expect(display.translationKey).toBe('action_added_member_to_card');
    expect(added).toMatchObject({ data: { idMember: demo.members.engineer.id, card: { id: cardId } }, member: { username: 'engineer' } });
  });

  it('calls adding oneself joining the card', async () => {
    await simClient(sim, demo.members.engineer.token).post(`/cards/${cardId}/idMembers`, { value: demo.members.engineer.id });
    expect(sim.actions({ type: 'addMemberToCard', cardId })[0]?.display.translationKey).toBe('action_member_joined_card');
  });

  it('refuses someone who is not a member of the board, and a member already on the card', async () => {
    const stranger = await api.post(`/cards/${cardId}/idMembers`, { value: 'f'.repeat(24) });
    expect([stranger.status, stranger.text]).toEqual([400, 'invalid value for value']);

    await api.post(`/cards/${cardId}/idMembers`, { value: demo.members.engineer.id });
    const again = await api.post(`/cards/${cardId}/idMembers`, { value: demo.members.engineer.id });
    expect([again.status, again.text]).toEqual([400, 'member is already on the card']);
    expect(sim.actions({ type: 'addMemberToCard', cardId })).toHaveLength(1);
  });
});
