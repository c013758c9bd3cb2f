import { addWorkingTime, workingTimeBetween } from '../../../rules';
import { moscow, workCalendar, yekaterinburg } from './work-calendars';

const inMoscow = workCalendar();
const inYekaterinburg = workCalendar({ timeZone: 'Asia/Yekaterinburg' });

describe('working time in another time zone', () => {
  it('counts by the local clock: Friday 17:00 + 2 hours is Monday 10:00 in Yekaterinburg too', () => {
    expect(addWorkingTime(inYekaterinburg, yekaterinburg('2026-03-13 17:00'), { hours: 2 })).toEqual(yekaterinburg('2026-03-16 10:00'));
  });

  it('gives a different instant from Moscow for the same start', () => {
    const from = new Date('2026-03-13T12:00:00Z'); // 15:00 in Moscow, 17:00 in Yekaterinburg
    expect(addWorkingTime(inMoscow, from, { hours: 2 })).toEqual(moscow('2026-03-13 17:00'));
    expect(addWorkingTime(inYekaterinburg, from, { hours: 2 })).toEqual(new Date('2026-03-16T05:00:00Z'));
  });

  it('counts different working time over the same instants', () => {
    const [from, to] = [new Date('2026-03-16T04:30:00Z'), new Date('2026-03-16T06:00:00Z')]; // 07:30–09:00 Moscow
    expect(workingTimeBetween(inMoscow, from, to).hours).toBe(0);
    expect(workingTimeBetween(inYekaterinburg, from, to).hours).toBe(1.5);
  });

  it('keeps the working day the same length across a clock change (Berlin, 29 March 2026)', () => {
    const berlin = workCalendar({ timeZone: 'Europe/Berlin', replaceBuiltIn: true });
    const [from, to] = [new Date('2026-03-27T08:00:00Z'), new Date('2026-03-30T16:00:00Z')]; // Fri 09:00 CET – Mon 18:00 CEST
    expect(workingTimeBetween(berlin, from, to).hours).toBe(18);
    expect(addWorkingTime(berlin, from, { hours: 10 })).toEqual(new Date('2026-03-30T08:00:00Z')); // Mon 10:00 CEST
  });
});
