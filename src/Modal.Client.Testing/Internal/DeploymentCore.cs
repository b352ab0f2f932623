using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Modal.Client.Testing.Internal;

/// <summary>The state shared by the fake's servers: settings, endpoints, journal and running calls.</summary>
internal sealed class DeploymentCore : IDisposable
{
    private const string IdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly CancellationTokenSource lifetime = new();

    public DeploymentCore(FakeModalDeploymentOptions options)
    {
        SyncLimit = options.SyncLimit;
        DefaultGenerationTime = options.DefaultGenerationTime;
        TimeProvider = options.TimeProvider;
        Loras = new LoraCatalog(options.KnownLoras, options.AcceptUnknownLoras);
        EnforceNodeLimits = options.EnforceNodeLimits;
        ProxyAuthKey = options.ProxyAuthKey;
        ProxyAuthSecret = options.ProxyAuthSecret;
    }

    public TimeSpan SyncLimit { get; }

    public TimeSpan DefaultGenerationTime { get; }

    public TimeProvider TimeProvider { get; }

    public LoraCatalog Loras { get; }

    /// <summary>Inputs past the real nodes' limits fail after the job started (<see cref="FakeModalDeploymentOptions.EnforceNodeLimits"/>).</summary>
    public bool EnforceNodeLimits { get; }

    public string? ProxyAuthKey { get; }

    public string? ProxyAuthSecret { get; }

    public FakeJournal Journal { get; } = new();

    /// <summary>Endpoints by path (all 21, served or not).</summary>
    public Dictionary<string, FakeEndpoint> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls that answered 303 at least once, by function call id (kept after delivery, as tombstones).</summary>
    public ConcurrentDictionary<string, FakeJob> Jobs { get; } = new(StringComparer.Ordinal);

    public CancellationToken Stopping => lifetime.Token;

    /// <summary>A Modal-style function call id: <c>fc-</c> and 26 Crockford base-32 characters.</summary>
    public static string NewCallId() => "fc-" + RandomNumberGenerator.GetString(IdAlphabet, 26);

    public Task DelayAsync(TimeSpan wait) =>
        wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, TimeProvider, Stopping);

    public void Reset()
    {
        Journal.Reset();
        Jobs.Clear();
        foreach (var endpoint in Endpoints.Values)
        {
            endpoint.ResetState();
        }
    }

    public void Stop() => lifetime.Cancel();

    public void Dispose() => lifetime.Dispose();
}
