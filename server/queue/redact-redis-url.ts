/** A Redis URL fit for logs and error messages: the password (if any) becomes `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Unparseable text may hold a password anywhere in it, so none of it is repeated.
    return 'the Redis at REDIS_URL';
  }
}
