import { EnvError, loadEnv } from '../../../server/config/load-env';

const REQUIRED = {
  TRELLO_KEY: 'k', TRELLO_TOKEN: 't', TRELLO_APP_SECRET: 's',
  PUBLIC_URL: 'https://gatekeeper.example.com/', POWERUP_ID: '5e66784c606cb1160a8f5dc0',
};

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    expect(loadEnv(REQUIRED)).toMatchObject({
      PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', TRELLO_API_URL: 'https://api.trello.com',
      RULES_FILE: 'rules/radio-onboarding.yaml', LOG_LEVEL: 'info', DRY_RUN: false, ROLE: 'all',
      PUBLIC_URL: 'https://gatekeeper.example.com',
    });
  });

  it('lists every problem at once, naming each variable', () => {
    let error: EnvError | undefined;
    try {
      loadEnv({ PORT: 'eighty', POWERUP_ID: 'abc', DRY_RUN: 'maybe', TRELLO_KEY: '' });
    } catch (err) {
      error = err as EnvError;
    }
    expect(error).toBeInstanceOf(EnvError);
    const names = error!.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'POWERUP_ID', 'DRY_RUN', 'TRELLO_KEY', 'TRELLO_TOKEN', 'TRELLO_APP_SECRET', 'PUBLIC_URL']));
    expect(error!.problems.find((p) => p.startsWith('TRELLO_KEY'))).toMatch(/missing — the API key/);
  });

  it('never falls back to a default secret', () => {
    expect(() => loadEnv({ ...REQUIRED, TRELLO_APP_SECRET: undefined })).toThrow(/TRELLO_APP_SECRET: missing/);
  });
});
