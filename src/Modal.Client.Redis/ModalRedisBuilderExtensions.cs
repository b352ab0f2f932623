using System.Buffers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Modal.Client.Internal;
using StackExchange.Redis;

namespace Modal.Client;

/// <summary>Shares Modal.Client's per-app concurrency limit, budget and cost ledger between processes through Redis.</summary>
public static class ModalRedisBuilderExtensions
{
    private static readonly SearchValues<char> NotInPrefix = SearchValues.Create("{} \t\r\n");

    /// <summary>
    /// Keeps the per-app concurrency limit (<see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/>), the budget
    /// (<see cref="ModalClientOptions.Budget"/>) and the <see cref="ModalCostLedger"/> in the Redis that
    /// <paramref name="configuration"/> names, shared by every process that uses the same Redis and
    /// <see cref="ModalRedisOptions.KeyPrefix"/>. The SDK opens (and disposes) its own connection.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddModalClient</c>.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>redis:6379,password=…,ssl=true</c>. Its password is never logged or put in a message.</param>
    /// <param name="configure">Changes the <see cref="ModalRedisOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is empty or not a valid configuration string, or an option is out of range.</exception>
    /// <remarks>
    /// The connection is opened when the first call needs it, with <c>abortConnect=false</c> (it keeps reconnecting in
    /// the background) and a fail-fast backlog, so while Redis is down calls are refused at once (or run on per-process
    /// limits, see <see cref="ModalRedisOptions.FallBackToProcessLimits"/>) instead of waiting for a timeout.
    /// </remarks>
    public static ModalClientBuilder UseRedis(this ModalClientBuilder builder, string configuration, Action<ModalRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException)
        {
            // StackExchange.Redis names the offending value in its message: keep it (and any password) out of ours.
            throw new ArgumentException(
                "The Redis configuration string could not be parsed: use StackExchange.Redis's format, for example \"redis:6379,password=…,ssl=true\".",
                nameof(configuration));
        }

        if (parsed.EndPoints.Count == 0)
        {
            throw new ArgumentException("The Redis configuration string names no server: start it with host:port, for example \"redis:6379\".", nameof(configuration));
        }

        parsed.AbortOnConnectFail = false;
        parsed.BacklogPolicy = BacklogPolicy.FailFast;
        parsed.ClientName ??= "modal-client";
        return builder.UseRedisCore(_ => RedisConnection.Owned(parsed), configure);
    }

    /// <summary>
    /// Keeps the per-app concurrency limit, the budget and the <see cref="ModalCostLedger"/> in Redis, through the
    /// <see cref="IConnectionMultiplexer"/> registered in the service collection (the SDK does not dispose it). Shared
    /// by every process that uses the same Redis and <see cref="ModalRedisOptions.KeyPrefix"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddModalClient</c>.</param>
    /// <param name="configure">Changes the <see cref="ModalRedisOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <remarks>
    /// Give the multiplexer <c>abortConnect=false</c>, and preferably <c>BacklogPolicy.FailFast</c>: otherwise a call
    /// made while Redis is down waits for the multiplexer's timeout before it is refused. The first call fails with
    /// <see cref="InvalidOperationException"/> when no <see cref="IConnectionMultiplexer"/> is registered.
    /// </remarks>
    public static ModalClientBuilder UseRedis(this ModalClientBuilder builder, Action<ModalRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseRedisCore(sp => RedisConnection.Shared(sp.GetRequiredService<IConnectionMultiplexer>()), configure);
    }

    private static ModalClientBuilder UseRedisCore(this ModalClientBuilder builder, Func<IServiceProvider, RedisConnection> connect, Action<ModalRedisOptions>? configure)
    {
        var options = new ModalRedisOptions();
        configure?.Invoke(options);
        if (Validate(options) is { } error)
        {
            throw new ArgumentException(error, nameof(configure));
        }

        var keys = new RedisKeys(options.KeyPrefix);

        var services = builder.Services;
        services.RemoveAll<RedisLimits>();
        services.AddSingleton(sp => new RedisLimits(
            connect(sp),
            keys,
            options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetRequiredService<IMeterFactory>()));
        services.Replace(ServiceDescriptor.Singleton<IModalSlotLimiter>(sp => new RedisSlotLimiter(sp.GetRequiredService<RedisLimits>())));
        services.Replace(ServiceDescriptor.Singleton<IModalSpendStore>(sp => new RedisSpendStore(sp.GetRequiredService<RedisLimits>())));
        return builder;
    }

    private static string? Validate(ModalRedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.AsSpan().IndexOfAny(NotInPrefix) >= 0)
        {
            return "ModalRedisOptions.KeyPrefix must be a non-empty name without braces or spaces, for example \"modal-client\" or \"shop-prod\".";
        }

        if (options.LeaseTimeout < TimeSpan.FromSeconds(1) || options.LeaseTimeout > TimeSpan.FromHours(1))
        {
            return $"ModalRedisOptions.LeaseTimeout must be between 1 second and 1 hour (it is {options.LeaseTimeout}): it is how long a crashed process's slots stay taken.";
        }

        if (options.SlotPollInterval < TimeSpan.FromMilliseconds(10) || options.SlotPollInterval > options.LeaseTimeout)
        {
            return $"ModalRedisOptions.SlotPollInterval must be between 10 milliseconds and LeaseTimeout (it is {options.SlotPollInterval}).";
        }

        return null;
    }
}
