import { validateEnum, validateMultiEnum } from '../../../rules/fields/choice';

const codec = {
  options: ['mp3', 'aac', 'aac+', 'ogg', 'opus', 'flac'].map((value) => ({ value })),
};
const sampleRate = { options: [22050, 44100, 48000].map((value) => ({ value })) };

describe('validateEnum', () => {
  it.each(['mp3', 'aac+', 'flac'])('accepts the option %s', (value) => {
    expect(validateEnum(value, codec)).toEqual({ ok: true, value });
  });

  it("answers with the option's own value, so a number typed as text becomes the number", () => {
    expect(validateEnum('44100', sampleRate)).toEqual({ ok: true, value: 44100 });
  });

  it('refuses a value that is not an option and lists the options', () => {
    expect(validateEnum('wav', codec)).toEqual({
      ok: false,
      error: {
        ru: 'нет такого варианта «wav»; варианты: mp3, aac, aac+, ogg, opus, flac',
        en: 'no such option "wav"; options: mp3, aac, aac+, ogg, opus, flac',
      },
    });
  });

  it('refuses 32000 Hz', () => {
    expect(validateEnum(32000, sampleRate).ok).toBe(false);
  });
});

describe('validateMultiEnum', () => {
  const options = { options: ['statistics', 'adInsertion', 'mobileApps'].map((value) => ({ value })) };

  it('accepts several options and drops repeats', () => {
    expect(validateMultiEnum(['statistics', 'mobileApps', 'statistics'], options)).toEqual({
      ok: true,
      value: ['statistics', 'mobileApps'],
    });
  });

  it('refuses an unknown option among them', () => {
    expect(validateMultiEnum(['statistics', 'karaoke'], options)).toMatchObject({ ok: false, error: { en: 'no such option "karaoke"; options: statistics, adInsertion, mobileApps' } });
  });

  it('refuses a single value that is not a list', () => {
    expect(validateMultiEnum('statistics', options)).toEqual({
      ok: false,
      error: { ru: 'должно быть списком вариантов', en: 'must be a list of options' },
    });
  });
});
