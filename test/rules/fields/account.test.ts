import { validateAccount } from '../../../rules/fields/account';

// Account numbers below were computed with the Bank of Russia's key algorithm, except the
// treasury account, which is the published one of УФК по г. Москве (BIK 044525000).
describe('validateAccount', () => {
  describe('when the control key matches the BIK', () => {
    it.each([
      ['40702810638000000000', '044525225'],
      ['40702810200000012345', '044525225'],
      ['40702810500000000001', '044525974'],
    ])('accepts %s at BIK %s', (account, bik) => {
      expect(validateAccount(account, bik)).toEqual({ ok: true, value: account });
    });

    it('uses "0" and the 5th–6th BIK digits for an account at a Bank of Russia division', () => {
      expect(validateAccount('40101810045250010041', '044525000')).toEqual({ ok: true, value: '40101810045250010041' });
    });
  });

  describe('when the control key does not match', () => {
    it('refuses 40702810938000000000 at Sberbank and names the BIK', () => {
      expect(validateAccount('40702810938000000000', '044525225')).toEqual({
        ok: false,
        error: {
          ru: 'не сходится контрольный ключ счёта с БИК 044525225',
          en: "the account's control key does not match BIK 044525225",
        },
      });
    });

    it("refuses the bank's correspondent account typed in place of the client's account", () => {
      expect(validateAccount('30101810400000000225', '044525225').ok).toBe(false);
    });

    it('refuses a valid account paired with another bank', () => {
      expect(validateAccount('40702810638000000000', '044525974').ok).toBe(false);
    });
  });

  describe('when the BIK is missing or wrong', () => {
    it.each([undefined, '', '144525225'])('asks for a valid BIK first (BIK %p)', (bik) => {
      expect(validateAccount('40702810638000000000', bik)).toMatchObject({
        ok: false,
        error: { ru: 'чтобы проверить счёт, сначала укажите верный БИК' },
      });
    });
  });

  it.each(['4070281063800000000', '407028106380000000001', '4070281063800000000A'])('refuses %s: not 20 digits', (account) => {
    expect(validateAccount(account, '044525225')).toEqual({
      ok: false,
      error: { ru: 'счёт — 20 цифр', en: 'an account number is 20 digits' },
    });
  });
});
