using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Modal.Client.Internal;

/// <summary>
/// The per-app concurrency limit shared through Redis (<see cref="RedisScripts.Admit"/>): a call takes a slot when
/// fewer than the limit are taken and no older waiter is ahead, else it queues with a ticket and asks again when a slot
/// is freed (pub/sub) or every <see cref="ModalRedisOptions.SlotPollInterval"/>. Slots are leases that this process
/// renews every third of <see cref="ModalRedisOptions.LeaseTimeout"/>; a dead process's slots lapse after that.
/// </summary>
internal sealed partial class RedisSlotLimiter : IModalSlotLimiter, IDisposable, IAsyncDisposable
{
    private readonly RedisLimits _limits;
    private readonly ModalProcessSlotLimiter _local = new();
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Wakeup> _wakeups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _releasing = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _leaseMs;
    private readonly long _ticketMs;
    private readonly double _leaseSeconds;
    private readonly Lock _gate = new();
    private Task? _renewal;
    private bool _subscribed;

    public RedisSlotLimiter(RedisLimits limits)
    {
        _limits = limits;
        _leaseMs = (long)limits.Options.LeaseTimeout.TotalMilliseconds;
        _leaseSeconds = limits.Options.LeaseTimeout.TotalSeconds;
        _ticketMs = (long)Math.Max(2000, limits.Options.SlotPollInterval.TotalMilliseconds * 8);
    }

    public async ValueTask<ModalSlotLease> AcquireAsync(ModalEndpoint endpoint, int permitLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var app = endpoint.App?.Name ?? throw new ArgumentException($"{endpoint.Path} is not served by any app, so it has no concurrency limit.", nameof(endpoint));
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        cancellationToken.ThrowIfCancellationRequested();

        var id = Guid.NewGuid().ToString("N");
        var queued = false;
        try
        {
            var database = _limits.Connection.Database();
            Subscribe();
            var wakeup = _wakeups.GetOrAdd(app, _ => new Wakeup());
            while (true)
            {
                var woken = wakeup.Next;
                var admitted = (RedisResult[])(await database.ScriptEvaluateAsync(
                    RedisScripts.Admit,
                    [_limits.Keys.Slots(app), _limits.Keys.Queue(app), _limits.Keys.QueueAlive(app), _limits.Keys.QueueSequence],
                    [id, permitLimit, _leaseMs, _ticketMs]).ConfigureAwait(false))!;
                _limits.Reached();
                if ((int)admitted[0] == 1)
                {
                    _held[id] = app;
                    StartRenewal();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        Release(app, id);
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    return new ModalSlotLease(queued, isShared: true, () => Release(app, id));
                }

                queued = true;
                try
                {
                    await woken.WaitAsync(_limits.Options.SlotPollInterval, _limits.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Ask again: a lapsed lease frees a slot without any message.
                }
            }
        }
        catch (OperationCanceledException) when (queued)
        {
            Release(app, id);
            throw;
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            if (queued)
            {
                Release(app, id);
            }

            if (!_limits.Options.FallBackToProcessLimits)
            {
                throw _limits.Unavailable(endpoint, "concurrency", ex);
            }

            _limits.FellBack(endpoint, "concurrency", ex);
            var local = await _local.AcquireAsync(endpoint, permitLimit, cancellationToken).ConfigureAwait(false);
            return queued && !local.Waited ? new ModalSlotLease(waited: true, isShared: false, local.Dispose) : local;
        }
    }

    public void Dispose()
    {
        Stop();
        _local.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Task.WhenAll(_releasing.Keys).ConfigureAwait(false);
        if (_renewal is { } renewal)
        {
            await renewal.ConfigureAwait(false);
        }

        _local.Dispose();
    }

    /// <summary>Frees the slot (or drops the waiting ticket) in the background; a failure only logs: the lease lapses by itself.</summary>
    private void Release(string app, string id)
    {
        _held.TryRemove(id, out _);
        if (_wakeups.TryGetValue(app, out var wakeup))
        {
            wakeup.Signal();
        }

        var releasing = ReleaseAsync(app, id);
        if (!releasing.IsCompleted)
        {
            _releasing.TryAdd(releasing, 0);
            releasing.ContinueWith(t => _releasing.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ReleaseAsync(string app, string id)
    {
        try
        {
            var database = _limits.Connection.Database();
            await database.ScriptEvaluateAsync(
                RedisScripts.Release,
                [_limits.Keys.Slots(app), _limits.Keys.Queue(app), _limits.Keys.QueueAlive(app)],
                [id, _limits.Keys.SlotsFreed.ToString(), app]).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            LogReleaseFailed(_limits.Logger, app, _limits.Connection.Store, RedisFailures.Reason(ex), _leaseSeconds);
        }
    }

    private void Subscribe()
    {
        lock (_gate)
        {
            if (_subscribed || _limits.Connection.Subscriber() is not { } subscriber)
            {
                return;
            }

            _subscribed = true;
            _ = SubscribeAsync(subscriber);
        }
    }

    private async Task SubscribeAsync(ISubscriber subscriber)
    {
        try
        {
            await subscriber.SubscribeAsync(_limits.Keys.SlotsFreed, (_, app) =>
            {
                if (_wakeups.TryGetValue(app.ToString(), out var wakeup))
                {
                    wakeup.Signal();
                }
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            // Waiters still poll every SlotPollInterval; try subscribing again on a later call.
            lock (_gate)
            {
                _subscribed = false;
            }
        }
    }

    private void StartRenewal()
    {
        lock (_gate)
        {
            if (_renewal is null && !_stopping.IsCancellationRequested)
            {
                _renewal = RenewAsync(_stopping.Token);
            }
        }
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_limits.Options.LeaseTimeout / 3, _limits.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                foreach (var app in _held.GroupBy(h => h.Value, h => h.Key))
                {
                    await RenewAsync(app.Key, [.. app]).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RenewAsync(string app, string[] ids)
    {
        try
        {
            var database = _limits.Connection.Database();
            var values = new RedisValue[ids.Length + 1];
            values[0] = _leaseMs;
            for (var i = 0; i < ids.Length; i++)
            {
                values[i + 1] = ids[i];
            }

            var lost = (int)(await database.ScriptEvaluateAsync(RedisScripts.Renew, [_limits.Keys.Slots(app)], values).ConfigureAwait(false));
            if (lost > 0)
            {
                LogLeasesLost(_limits.Logger, lost, app, _leaseSeconds);
            }
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            // The next renewal tries again.
            if (_limits.Logger.IsEnabled(LogLevel.Debug))
            {
                var reason = RedisFailures.Reason(ex);
                LogRenewFailed(_limits.Logger, app, _limits.Connection.Store, reason);
            }
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }
        }

        foreach (var (id, app) in _held)
        {
            Release(app, id);
        }
    }

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning,
        Message = "A slot of {App} could not be freed in {Store} ({Reason}); it lapses by itself within {LeaseSeconds} s")]
    private static partial void LogReleaseFailed(ILogger logger, string app, string store, string reason, double leaseSeconds);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning,
        Message = "{Count} slot(s) of {App} lapsed while their calls were still running (this process did not renew them within {LeaseSeconds} s, or Redis lost them): the shared limit may be exceeded until those calls end")]
    private static partial void LogLeasesLost(ILogger logger, int count, string app, double leaseSeconds);

    [LoggerMessage(EventId = 44, Level = LogLevel.Debug,
        Message = "The slots of {App} could not be renewed in {Store} ({Reason}); trying again at the next renewal")]
    private static partial void LogRenewFailed(ILogger logger, string app, string store, string reason);

    /// <summary>Wakes every call of this process waiting for a slot of one app.</summary>
    private sealed class Wakeup
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next => Volatile.Read(ref _next).Task;

        public void Signal() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
