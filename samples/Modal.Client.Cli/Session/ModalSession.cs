using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Session;

/// <summary>
/// The SDK wired up for one CLI run (<c>AddModalClient</c> in a service collection), pointed at the real apps or at the
/// embedded fake deployment from Modal.Client.Testing, which it then owns.
/// </summary>
internal sealed class ModalSession : IAsyncDisposable
{
    /// <summary>
    /// The embedded fake's stand-in for Modal's 150-second limit: a call simulated longer than this (<c>--fake-seconds</c>)
    /// answers 303 and is polled, as a long call on Modal is.
    /// </summary>
    public static readonly TimeSpan FakeSyncLimit = TimeSpan.FromSeconds(5);

    private readonly ServiceProvider _services;
    private readonly FakeModalDeployment? _fake;

    private ModalSession(ServiceProvider services, FakeModalDeployment? fake, string banner)
    {
        _services = services;
        _fake = fake;
        Banner = banner;
    }

    /// <summary>The first output line: what the CLI is calling.</summary>
    public string Banner { get; }

    /// <summary>The client.</summary>
    public IModalClient Client => _services.GetRequiredService<IModalClient>();

    /// <summary>The batch runner.</summary>
    public ModalBatch Batch => _services.GetRequiredService<ModalBatch>();

    /// <summary>The model selector.</summary>
    public ModelSelector Selector => _services.GetRequiredService<ModelSelector>();

    /// <summary>The session's spend so far, from the SDK's cost ledger.</summary>
    public ModalSpendSnapshot Spend => _services.GetRequiredService<ModalCostLedger>().Snapshot();

    /// <summary>Wires the SDK to <paramref name="target"/>, starting the embedded fake when no target is configured.</summary>
    /// <param name="target">The apps to call.</param>
    /// <param name="fakeGenerationTime">For the embedded fake: the simulated GPU time of every call.</param>
    /// <returns>The session; dispose it to stop the fake.</returns>
    /// <exception cref="CliUsageException">The options are invalid (for example a malformed workspace name).</exception>
    public static Task<ModalSession> OpenAsync(ModalTarget target, TimeSpan fakeGenerationTime)
    {
        var fake = target.IsConfigured
            ? null
            : FakeModalDeployment.Start(new FakeModalDeploymentOptions { DefaultGenerationTime = fakeGenerationTime, SyncLimit = FakeSyncLimit });
        var services = new ServiceCollection();
        services.AddModalClient(options =>
        {
            if (fake is not null)
            {
                options.UseFakeDeployment(fake);
            }
            else
            {
                options.BaseUrl = target.BaseUrl;
                options.Workspace = target.Workspace;
            }
        });
        var banner = fake is not null
            ? $"Using the embedded fake Modal deployment (Modal.Client.Testing; results are synthetic test media): set {ModalTarget.WorkspaceVariable}, or pass --workspace or --base-url, to call the real apps."
            : target.Describe();
        return ValidatedAsync(new ModalSession(services.BuildServiceProvider(), fake, banner));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    private static async Task<ModalSession> ValidatedAsync(ModalSession session)
    {
        try
        {
            // The SDK validates its options on first use; read them now, so a bad value fails before anything is read or sent.
            _ = session._services.GetRequiredService<IOptions<ModalClientOptions>>().Value;
            return session;
        }
        catch (OptionsValidationException ex)
        {
            await session.DisposeAsync();
            throw new CliUsageException(string.Join(Environment.NewLine, ex.Failures), ex);
        }
    }
}
