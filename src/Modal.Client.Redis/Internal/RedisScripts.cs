namespace Modal.Client.Internal;

/// <summary>
/// The Lua scripts. Each runs atomically in Redis and reads the time from Redis (<c>TIME</c>), so the clocks of the
/// machines running the SDK never matter. Amounts are integers in nano-USD.
/// </summary>
/// <remarks>
/// Why not RedisRateLimiting's <c>RedisConcurrencyRateLimiter</c>: its leases expire after a fixed 60 seconds and are
/// never renewed, so a call longer than a minute (every video endpoint) would lose its slot while still running and the
/// limit would be exceeded; a crashed process's slots could not come back sooner; it stamps leases with each client's
/// own clock; and it swallows Redis errors in its queue, where the SDK must refuse the call instead.
/// </remarks>
internal static class RedisScripts
{
    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local function extend(key, ms)
          if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
        end

        """;

    /// <summary>
    /// KEYS: slots, queue, queue-alive, queue-seq. ARGV: id, limit, lease ms, ticket ms.
    /// Grants a slot when one is free and no older waiter is ahead; otherwise (re)queues the id. Returns {granted, in flight}.
    /// </summary>
    public const string Admit = Now + """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
        for _, m in ipairs(dead) do redis.call('ZREM', KEYS[2], m) end
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
        local inflight = redis.call('ZCARD', KEYS[1])
        local free = tonumber(ARGV[2]) - inflight
        local ahead = redis.call('ZRANK', KEYS[2], ARGV[1])
        if not ahead then ahead = redis.call('ZCARD', KEYS[2]) end
        if free > 0 and ahead < free then
          redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          extend(KEYS[1], tonumber(ARGV[3]))
          return {1, inflight + 1}
        end
        if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
          redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ARGV[1])
        end
        redis.call('ZADD', KEYS[3], now + tonumber(ARGV[4]), ARGV[1])
        extend(KEYS[2], tonumber(ARGV[4]))
        extend(KEYS[3], tonumber(ARGV[4]))
        extend(KEYS[4], tonumber(ARGV[4]))
        return {0, inflight}
        """;

    /// <summary>KEYS: slots. ARGV: lease ms, ids... Extends the leases still held; returns how many were gone (expired and taken).</summary>
    public const string Renew = Now + """
        local lost = 0
        for i = 2, #ARGV do
          if redis.call('ZSCORE', KEYS[1], ARGV[i]) then
            redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i])
          else
            lost = lost + 1
          end
        end
        if #ARGV > 1 then extend(KEYS[1], tonumber(ARGV[1])) end
        return lost
        """;

    /// <summary>KEYS: slots, queue, queue-alive. ARGV: id, channel, app. Frees a slot or drops a ticket, and wakes the waiters.</summary>
    public const string Release = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('PUBLISH', ARGV[2], ARGV[3])
        return 1
        """;

    private const string Trim = """
        local cutoff = now - tonumber(ARGV[1])
        local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', cutoff)
        if #old > 0 then
          local dropped = 0
          for _, m in ipairs(old) do dropped = dropped + tonumber(string.match(m, '|(%-?%d+)$')) end
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cutoff)
          redis.call('DECRBY', KEYS[2], string.format('%d', dropped))
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
        local spent = tonumber(redis.call('GET', KEYS[2]) or '0')
        local held = 0
        for _, m in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do held = held + tonumber(string.match(m, '^[^|]*|(%-?%d+)')) end

        """;

    /// <summary>
    /// KEYS: window, window-sum, held. ARGV: window ms, held member, estimate, limit (-1: none), hold ms.
    /// Drops what left the window, then holds the estimate when it fits. Returns {granted, spent, held before}.
    /// </summary>
    public const string Reserve = Now + Trim + """
        local limit = tonumber(ARGV[4])
        if limit >= 0 and spent + held + tonumber(ARGV[3]) > limit then
          return {0, string.format('%d', spent), string.format('%d', held)}
        end
        redis.call('ZADD', KEYS[3], now + tonumber(ARGV[5]), ARGV[2])
        extend(KEYS[3], tonumber(ARGV[5]))
        return {1, string.format('%d', spent), string.format('%d', held)}
        """;

    /// <summary>
    /// KEYS: window, window-sum, held. ARGV: window ms, held member ('' for none), window member ('' for no cost), cost.
    /// Releases the estimate and records the cost.
    /// </summary>
    public const string Settle = Now + """
        if ARGV[2] ~= '' then redis.call('ZREM', KEYS[3], ARGV[2]) end
        if ARGV[3] ~= '' then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('INCRBY', KEYS[2], ARGV[4])
          local keep = tonumber(ARGV[1]) + 60000
          redis.call('PEXPIRE', KEYS[1], keep)
          redis.call('PEXPIRE', KEYS[2], keep)
        end
        return 1
        """;

    /// <summary>KEYS: window, window-sum, held. ARGV: window ms. Returns {spent, held, window members...}.</summary>
    public const string Snapshot = Now + Trim + """
        local result = {string.format('%d', spent), string.format('%d', held)}
        for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do result[#result + 1] = m end
        return result
        """;
}
