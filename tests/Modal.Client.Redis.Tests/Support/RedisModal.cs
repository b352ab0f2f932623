using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Modal.Client.Testing;

namespace Modal.Client.Redis.Tests.Support;

/// <summary>An in-process client on a fake deployment, with <c>UseRedis</c> when a configuration is given.</summary>
internal sealed class RedisModal : IAsyncDisposable
{
    public RedisModal(
        FakeModalDeployment fake,
        string? redis,
        Action<ModalClientOptions>? configure = null,
        Action<ModalRedisOptions>? redisOptions = null,
        FakeLogCollector? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        }

        var builder = services.AddModalClient(o =>
        {
            o.UseFakeDeployment(fake);
            o.MaxConcurrentCallsPerApp = 4;
            configure?.Invoke(o);
        });
        if (redis is not null)
        {
            builder.UseRedis(redis, o =>
            {
                o.SlotPollInterval = TimeSpan.FromMilliseconds(50);
                redisOptions?.Invoke(o);
            });
        }

        Services = services.BuildServiceProvider();
        Client = Services.GetRequiredService<IModalClient>();
    }

    public ServiceProvider Services { get; }

    public IModalClient Client { get; }

    public ModalCostLedger Ledger => Services.GetRequiredService<ModalCostLedger>();

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    public static FluxSchnellRequest Fox(int i = 0) => new() { Prompt = $"a fox {i}", Width = 64, Height = 64 };

    public static FluxDevRequest Owl(int i = 0) => new() { Prompt = $"an owl {i}", Width = 64, Height = 64 };
}
