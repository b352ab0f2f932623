using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Modal.Client.Internal;

/// <summary>
/// What the Redis limiter and spend store share: the connection, the keys, the options, and how an outage is handled
/// (refuse with <see cref="ModalSharedLimitsUnavailableException"/>, or fall back with a warning and a metric).
/// </summary>
internal sealed partial class RedisLimits : IDisposable, IAsyncDisposable
{
    /// <summary>How often the fallback warning is repeated while Redis stays unreachable.</summary>
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Counter<long> _fallbacks;
    private readonly Lock _gate = new();
    private long _lastWarning;
    private bool _fallingBack;

    public RedisLimits(RedisConnection connection, RedisKeys keys, ModalRedisOptions options, TimeProvider time, ILoggerFactory loggers, IMeterFactory meters)
    {
        Connection = connection;
        Keys = keys;
        Options = options;
        Time = time;
        Logger = loggers.CreateLogger("Modal.Client.Redis");
        var meter = meters.Create("Modal.Client");
        _fallbacks = meter.CreateCounter<long>(
            "modal.client.limits.fallbacks",
            "{call}",
            "Calls that ran on per-process limits because the shared limits in Redis could not be reached (tag modal.limit: concurrency or budget).");
    }

    public RedisConnection Connection { get; }

    public RedisKeys Keys { get; }

    public ModalRedisOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The exception that refuses a call (or a ledger read) while Redis is unreachable.</summary>
    public ModalSharedLimitsUnavailableException Unavailable(ModalEndpoint? endpoint, string limit, Exception failure)
    {
        var what = limit == "budget" ? "budget and cost ledger" : "per-app concurrency limit";
        var subject = endpoint is null ? "The cost ledger could not be read" : $"{endpoint.Path} was not sent";
        return new ModalSharedLimitsUnavailableException(
            $"{subject}: the shared {what} is kept in {Connection.Store} (key prefix \"{Keys.Prefix}\"), which could not be reached ({RedisFailures.Reason(failure)}). "
            + (endpoint is null ? string.Empty : "Nothing was sent, so retrying later is safe. ")
            + "A shared limit that cannot be checked is not skipped silently; set ModalRedisOptions.FallBackToProcessLimits to run on per-process limits while Redis is down.",
            endpoint,
            limit,
            Connection.Safe(RedisFailures.Cause(failure)));
    }

    /// <summary>Counts a call that runs on per-process limits, and warns (once a minute at most while it lasts).</summary>
    public void FellBack(ModalEndpoint? endpoint, string limit, Exception failure)
    {
        _fallbacks.Add(1, new KeyValuePair<string, object?>("modal.limit", limit), new KeyValuePair<string, object?>("modal.endpoint", endpoint?.Path));
        bool warn;
        lock (_gate)
        {
            var now = Time.GetTimestamp();
            warn = !_fallingBack || Time.GetElapsedTime(_lastWarning, now) >= WarningInterval;
            if (warn)
            {
                _fallingBack = true;
                _lastWarning = now;
            }
        }

        if (warn)
        {
            LogFallingBack(Logger, Connection.Store, Keys.Prefix, RedisFailures.Reason(failure), limit);
        }
    }

    /// <summary>Notes that Redis answered; logs once when that ends a fallback.</summary>
    public void Reached()
    {
        if (!Volatile.Read(ref _fallingBack))
        {
            return;
        }

        lock (_gate)
        {
            if (!_fallingBack)
            {
                return;
            }

            _fallingBack = false;
        }

        LogReachable(Logger, Connection.Store, Keys.Prefix);
    }

    public void Dispose() => Connection.Dispose();

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning,
        Message = "{Store} (key prefix {Prefix}) could not be reached ({Reason}): Modal calls run on per-process limits ({Limit} first) until it is back; the fleet may exceed the shared limits meanwhile")]
    private static partial void LogFallingBack(ILogger logger, string store, string prefix, string reason, string limit);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information,
        Message = "{Store} (key prefix {Prefix}) is reachable again: Modal calls use the shared limits")]
    private static partial void LogReachable(ILogger logger, string store, string prefix);
}
