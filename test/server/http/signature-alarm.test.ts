import { createSignatureAlarm } from '../../../server/http/signature-alarm';
import { recordedLog } from '../../helpers/recorded-log';

describe('the signature alarm', () => {
  it('warns at the first failure, naming TRELLO_APP_SECRET, PUBLIC_URL and the callback', () => {
    const { log, at } = recordedLog();
    createSignatureAlarm({ log, callbackUrl: 'https://gk.example.com/webhooks/trello', now: () => 0 }).failed();
    const [warning] = at('warn');
    expect(warning).toMatchObject({ failures: 1, total: 1, callbackUrl: 'https://gk.example.com/webhooks/trello' });
    expect(warning!.msg).toContain('TRELLO_APP_SECRET');
    expect(warning!.msg).toContain('PUBLIC_URL');
  });

  it('warns at most once a minute, with the count since the last warning', () => {
    const { log, at } = recordedLog();
    let now = 0;
    const alarm = createSignatureAlarm({ log, callbackUrl: 'https://gk.example.com/webhooks/trello', now: () => now });
    // A thousand failures, one every 100 ms: at 0 s and at 60 s.
    for (let n = 0; n < 1000; n++) {
      alarm.failed();
      now += 100;
    }
    expect(at('warn').map((w) => [w.failures, w.total])).toEqual([[1, 1], [600, 601]]);
    expect(alarm.total()).toBe(1000);
  });
});
