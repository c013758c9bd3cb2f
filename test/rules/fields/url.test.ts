import { validateUrl } from '../../../rules/fields/url';

describe('validateUrl', () => {
  describe('for a web address (http and https by default)', () => {
    it.each(['https://radio-rocks.ru', 'http://stream.example.com:8000/live.mp3'])('accepts %s', (url) => {
      expect(validateUrl(url)).toEqual({ ok: true, value: url });
    });

    it('refuses another scheme and names the allowed ones', () => {
      expect(validateUrl('ftp://radio.ru/')).toEqual({
        ok: false,
        error: { ru: 'адрес должен начинаться с http://, https://', en: 'must start with http://, https://' },
      });
    });

    it.each(['radio.ru', 'https://', 'http:// radio.ru', 'mailto:tech@radio.ru'])('refuses %p as not an address', (url) => {
      expect(validateUrl(url)).toMatchObject({ ok: false, error: { en: 'not a valid address; example: http://example.com' } });
    });
  });

  describe('for a stream source that allows more schemes', () => {
    const schemes = ['http', 'https', 'icecast', 'rtmp', 'srt'];

    it.each(['icecast://source.radio.ru:8000/live', 'rtmp://ingest.radio.ru/app/key', 'srt://10.0.0.5:9000'])('accepts %s', (url) => {
      expect(validateUrl(url, { schemes })).toEqual({ ok: true, value: url });
    });

    it('still refuses a scheme it does not list', () => {
      expect(validateUrl('rtsp://cam.radio.ru/stream', { schemes }).ok).toBe(false);
    });
  });
});
