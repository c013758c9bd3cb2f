/**
 * Sliding-window check of BOTH Trello limits in one atomic step: a slot is taken in the
 * key window and the token window together, or in neither. Doing the two checks as two
 * round trips would let two workers each see "one left" and both send.
 *
 * Time comes from Redis TIME, not from the caller: every worker then measures the
 * window on one clock, so a worker whose clock runs behind cannot count old requests
 * as expired and over-admit, and one running ahead cannot starve the others.
 * (TIME before a write is allowed because Redis ≥ 5 replicates script effects, not
 * scripts; Redis 7 knows no other mode.)
 *
 * Priority lane: an urgent caller that has to wait leaves a claim (its request id, scored
 * by when the claim lapses) in the urgent set, and renews it each time it asks again.
 * While any claim is live, a normal caller takes no slot, even one that is free: the
 * waiting urgent caller is about to wake up for it. A process that dies while waiting
 * stops renewing, and its claim is swept here once it lapses, so it holds normal callers
 * back for one claim period at most.
 *
 * A window frees many slots at once (the requests of one busy second leave it together), and
 * an urgent caller is not waiting while its own request is out: normal callers would take most
 * of that refill in the gaps. So while the budget is short for urgent callers (one of them had
 * to wait; the SHORT member marks it until a window after the slot it waited for), a served
 * urgent caller's claim lingers a moment, past a busy worker's pause between two calls. With
 * budget to spare nothing lingers, so steady urgent traffic under the limit delays no one.
 *
 * KEYS: 1 key window, 2 token window (sorted sets: member = request id, score = ms),
 *       3 key pause, 4 token pause (plain keys with a TTL, set from Trello's headers),
 *       5 urgent claims (sorted set: member = request id or SHORT, score = ms when it lapses).
 * ARGV: 1 windowMs, 2 per-key limit, 3 per-token limit, 4 unique request id,
 *       5 'urgent' or 'normal', 6 claim period ms, 7 ms a normal caller yields for,
 *       8 ms a served urgent caller's claim lingers while the budget is short.
 * Returns 0 when the slot was taken, else the ms to wait before asking again.
 */
export const ACQUIRE_SLOT_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local id = ARGV[4]
local urgent = ARGV[5] == 'urgent'
local claims = KEYS[5]
local SHORT = '~short'

redis.call('ZREMRANGEBYSCORE', claims, '-inf', now)
local short = redis.call('ZSCORE', claims, SHORT)

local function claim(member, lapses_at)
  redis.call('ZADD', claims, lapses_at, member)
  redis.call('PEXPIRE', claims, math.max(lapses_at - now, redis.call('PTTL', claims)))
end

-- An urgent caller that must wait (re)claims its place ahead of every normal caller.
local function wait_claimed(wait)
  if urgent then
    claim(id, now + tonumber(ARGV[6]))
    -- Short until a window after the slot this caller waits for.
    claim(SHORT, now + wait + window)
  end
  return wait
end

local paused = math.max(redis.call('PTTL', KEYS[3]), redis.call('PTTL', KEYS[4]))
if paused > 0 then return wait_claimed(paused) end

local function wait_for(key, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count < limit then return 0 end
  -- The slot frees when the entry that puts us at the limit leaves the window.
  local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  return math.max(1, tonumber(blocking[2]) + window - now)
end

local wait = math.max(wait_for(KEYS[1], tonumber(ARGV[2])), wait_for(KEYS[2], tonumber(ARGV[3])))
if wait > 0 then return wait_claimed(wait) end
if not urgent then
  local live = redis.call('ZCARD', claims) - (short and 1 or 0)
  if live > 0 then return tonumber(ARGV[7]) end
end

redis.call('ZADD', KEYS[1], now, id)
redis.call('ZADD', KEYS[2], now, id)
redis.call('PEXPIRE', KEYS[1], window)
redis.call('PEXPIRE', KEYS[2], window)
if urgent then
  if short then claim(id, now + tonumber(ARGV[8])) else redis.call('ZREM', claims, id) end
end
return 0
`;
