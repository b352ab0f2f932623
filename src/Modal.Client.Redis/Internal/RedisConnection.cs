using System.Net;
using StackExchange.Redis;

namespace Modal.Client.Internal;

/// <summary>
/// The multiplexer, opened on first use: the SDK's own (from a configuration string, disposed with the container) or
/// the application's (from dependency injection, left open). <see cref="Store"/> describes it without its password.
/// </summary>
internal sealed class RedisConnection : IDisposable, IAsyncDisposable
{
    private readonly Func<IConnectionMultiplexer> _open;
    private readonly bool _owned;
    private readonly string? _password;
    private readonly bool _describeOnOpen;
    private readonly Lock _gate = new();
    private IConnectionMultiplexer? _multiplexer;
    private volatile string _lastFailure = "not connected";

    private RedisConnection(Func<IConnectionMultiplexer> open, bool owned, string? store, string? password)
    {
        _open = open;
        _owned = owned;
        _password = password;
        Store = store ?? "Redis";
        _describeOnOpen = store is null;
    }

    /// <summary>For messages and logs, for example <c>Redis at 10.0.0.5:6379</c>: the servers, never the password.</summary>
    public string Store { get; private set; }

    public static RedisConnection Owned(ConfigurationOptions options)
        => new(() => Connect(options), owned: true, Describe(options.EndPoints), options.Password);

    public static RedisConnection Shared(IConnectionMultiplexer multiplexer)
        => new(() => multiplexer, owned: false, store: null, password: null);

    /// <summary>
    /// Opens the multiplexer. With <c>abortConnect=false</c> this returns after the first attempt, connected or not.
    /// Without a synchronization context: under one (a UI thread, a test runner) the synchronous connect would wait for
    /// continuations queued to the thread it blocks, until its connect timeout.
    /// </summary>
    private static ConnectionMultiplexer Connect(ConfigurationOptions options)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>The database, or <see cref="RedisUnavailableException"/> at once while the multiplexer is not connected.</summary>
    public IDatabase Database()
    {
        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = Multiplexer();
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            throw new RedisUnavailableException(RedisFailures.Reason(ex), ex);
        }

        if (!multiplexer.IsConnected)
        {
            throw new RedisUnavailableException(_lastFailure, inner: null);
        }

        return multiplexer.GetDatabase();
    }

    /// <summary>The subscriber, once connected; <see langword="null"/> before.</summary>
    public ISubscriber? Subscriber() => Volatile.Read(ref _multiplexer) is { IsConnected: true } multiplexer ? multiplexer.GetSubscriber() : null;

    /// <summary>The cause to attach to an SDK exception: dropped when its text would show the password.</summary>
    public Exception? Safe(Exception? cause)
    {
        if (cause is null || string.IsNullOrEmpty(_password))
        {
            return cause;
        }

        return cause.ToString().Contains(_password, StringComparison.Ordinal) ? null : cause;
    }

    public void Dispose()
    {
        if (_owned && Volatile.Read(ref _multiplexer) is ConnectionMultiplexer multiplexer)
        {
            multiplexer.Close(allowCommandsToComplete: true);
            multiplexer.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned && Volatile.Read(ref _multiplexer) is ConnectionMultiplexer multiplexer)
        {
            await multiplexer.CloseAsync(allowCommandsToComplete: true).ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens the multiplexer once; a failed open is tried again on the next use (never cached).</summary>
    private IConnectionMultiplexer Multiplexer()
    {
        if (Volatile.Read(ref _multiplexer) is { } open)
        {
            return open;
        }

        lock (_gate)
        {
            if (_multiplexer is null)
            {
                var multiplexer = _open();
                multiplexer.ConnectionFailed += (_, e) => _lastFailure = Describe(e.FailureType);
                if (_describeOnOpen)
                {
                    Store = Describe(multiplexer.GetEndPoints());
                }

                Volatile.Write(ref _multiplexer, multiplexer);
            }

            return _multiplexer;
        }
    }

    internal static string Describe(ConnectionFailureType failure) => failure switch
    {
        ConnectionFailureType.AuthenticationFailure => "authentication failed",
        ConnectionFailureType.UnableToConnect or ConnectionFailureType.UnableToResolvePhysicalConnection => "unable to connect",
        ConnectionFailureType.SocketClosed or ConnectionFailureType.SocketFailure => "connection lost",
        ConnectionFailureType.Loading => "Redis is loading its data",
        _ => failure.ToString(),
    };

    private static string Describe(IEnumerable<EndPoint> endpoints)
    {
        var names = endpoints.Select(e => e switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            _ => e.ToString() ?? "?",
        }).ToList();
        return names.Count == 0 ? "Redis" : $"Redis at {string.Join(", ", names)}";
    }
}
