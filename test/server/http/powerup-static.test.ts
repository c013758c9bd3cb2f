import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { buildPowerUp } from '../../../powerup/build/build-powerup';
import { powerupStatic } from '../../../server/http/powerup-static';
import { appWith } from '../../helpers/app-with';

const TEST_HOST = 'http://localhost:4999';


describe('the Power-Up pages under /powerup', () => {
  let dist: string;
  let app: ReturnType<typeof appWith>;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'gk-powerup-'));
    await buildPowerUp(dist);
    app = appWith(powerupStatic({ distDir: dist }));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves the connector so that Trello may frame it and load its client library', async () => {
    const res = await request(app).get('/powerup/connector.html').expect(200).expect('content-type', /text\/html/);
    expect(res.text).toContain('<script src="https://p.trellocdn.com/power-up.min.js"></script>');
    expect(res.headers['x-frame-options']).toBeUndefined();
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain('frame-ancestors https://trello.com');
    expect(csp).toContain("script-src 'self' https://p.trellocdn.com");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('answers CORS for trello.com only', async () => {
    const trello = await request(app).get('/powerup/connector.html').set('Origin', 'https://trello.com').expect(200);
    expect(trello.headers['access-control-allow-origin']).toBe('https://trello.com');
    const other = await request(app).get('/powerup/connector.html').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await request(app).options('/powerup/connector.html').set('Origin', 'https://trello.com').expect(204);
  });

  it('serves each surface bundle, the strings and the icons, revalidated on every load', async () => {
    for (const file of ['card-back.js', 'missing-popup.js', 'connector.js']) {
      const res = await request(app).get(`/powerup/${file}`).expect(200).expect('content-type', /javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    await request(app).get('/powerup/card-back.css').expect(200).expect('content-type', /text\/css/);
    const ru = await request(app).get('/powerup/strings/ru.json').expect(200);
    expect(ru.body['section-title']).toBe('Данные станции');
    await request(app).get('/powerup/icons/station.svg').expect(200).expect('content-type', /svg/);
  });

  it('keeps helmet’s protections on every other route', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('lists no folder and leaves nothing outside the build reachable', async () => {
    await request(app).get('/powerup/').expect(404);
    await request(app).get('/powerup/..%2F..%2Fpackage.json').expect(404);
  });

  it('lets the test host (or a staging Trello) frame the pages when configured', async () => {
    const hosted = appWith(powerupStatic({ distDir: dist, frameAncestors: ['https://trello.com', TEST_HOST] }));
    const res = await request(hosted).get('/powerup/card-back.html').set('Origin', TEST_HOST).expect(200);
    expect(res.headers['content-security-policy']).toContain(`frame-ancestors https://trello.com ${TEST_HOST}`);
    expect(res.headers['access-control-allow-origin']).toBe(TEST_HOST);
  });

  it('refuses a frame ancestor that is not an origin, at start', () => {
    expect(() => powerupStatic({ distDir: dist, frameAncestors: ["https://trello.com; script-src *"] })).toThrow(
      /frame ancestor "https:\/\/trello.com; script-src \*" is not an origin/,
    );
  });

  it('says how to build the Power-Up when it is not built', async () => {
    const res = await request(appWith(powerupStatic({ distDir: join(dist, 'nowhere') }))).get('/powerup/connector.html').expect(503);
    expect(res.body).toEqual({ error: 'powerup_not_built', message: expect.stringContaining('run npm run build:powerup') });
  });
});
