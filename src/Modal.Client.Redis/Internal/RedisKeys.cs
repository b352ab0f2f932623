using StackExchange.Redis;

namespace Modal.Client.Internal;

/// <summary>
/// The keys and channel of one prefix. Every key carries the prefix as a hash tag (<c>{prefix}:…</c>) so the scripts'
/// keys live on one Redis Cluster node.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    private readonly string _tag = "{" + prefix + "}";

    public string Prefix { get; } = prefix;

    /// <summary>Slots taken: member = lease id, score = expiry (Redis time, ms).</summary>
    public RedisKey Slots(string app) => $"{_tag}:slots:{app}";

    /// <summary>Waiting calls, oldest first: member = lease id, score = ticket number.</summary>
    public RedisKey Queue(string app) => $"{_tag}:queue:{app}";

    /// <summary>When each waiting call's ticket lapses unless renewed: member = lease id, score = expiry (ms).</summary>
    public RedisKey QueueAlive(string app) => $"{_tag}:queue-alive:{app}";

    /// <summary>The ticket counter.</summary>
    public RedisKey QueueSequence => $"{_tag}:queue-seq";

    /// <summary>Spend within the window: member = <c>id|path|r-or-e|nano-USD</c>, score = when (ms).</summary>
    public RedisKey SpendWindow => $"{_tag}:spend:window";

    /// <summary>The sum of <see cref="SpendWindow"/>, in nano-USD.</summary>
    public RedisKey SpendWindowSum => $"{_tag}:spend:window-sum";

    /// <summary>Estimates held by calls in flight: member = <c>id|nano-USD|path</c>, score = expiry (ms).</summary>
    public RedisKey SpendHeld => $"{_tag}:spend:held";

    /// <summary>Published with the app's name whenever a slot is freed or a waiter leaves.</summary>
    public RedisChannel SlotsFreed => RedisChannel.Literal($"{_tag}:slots-freed");
}
