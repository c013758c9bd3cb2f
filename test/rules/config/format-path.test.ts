import { formatPath, parsePath } from '../../../rules/config/format-path';

describe('parsePath', () => {
  it.each([
    [[]],
    [['stages', 4, 'gate', 'fields', 1]],
    [['notifications', 'routes', '*', 'channels', 0]],
    [['roles', 'Bad role', 'members']],
    [['roles', 'say "hi"\\there']],
    [['fields', 0, '$schema']],
  ])('reads back what formatPath writes: %j', (path) => {
    expect(parsePath(formatPath(path))).toEqual(path);
  });

  it.each(['line 3, column 5', 'stages[x]', '.stages', 'a..b', 'a[1'])('refuses %p, which formatPath never writes', (text) => {
    expect(parsePath(text)).toBeUndefined();
  });
});
