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
 * KEYS: 1 key window, 2 token window (sorted sets: member = request id, score = ms),
 *       3 key pause, 4 token pause (plain keys with a TTL, set from Trello's headers).
 * ARGV: 1 windowMs, 2 per-key limit, 3 per-token limit, 4 unique request id.
 * Returns 0 when the slot was taken, else the ms to wait before asking again.
 */
export const ACQUIRE_SLOT_LUA = `
local paused = math.max(redis.call('PTTL', KEYS[3]), redis.call('PTTL', KEYS[4]))
if paused > 0 then return paused end

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])

local function wait_for(key, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count < limit then return 0 end
  -- The slot frees when the entry that puts us at the limit leaves the window.
  local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  return math.max(1, tonumber(blocking[2]) + window - now)
end

local wait = math.max(wait_for(KEYS[1], tonumber(ARGV[2])), wait_for(KEYS[2], tonumber(ARGV[3])))
if wait > 0 then return wait end

redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('ZADD', KEYS[2], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('PEXPIRE', KEYS[2], window)
return 0
`;
