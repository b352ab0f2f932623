using Modal.Client.Testing;

namespace Modal.Client.WebApi;

/// <summary>
/// The embedded fake Modal deployment (Modal.Client.Testing) the sample calls when no workspace, base URL or app URL
/// is configured, as the CLI does: the sample answers offline with synthetic media. Started on first use, stopped
/// with the app.
/// </summary>
internal sealed class EmbeddedFake : IDisposable
{
    private readonly Lazy<FakeModalDeployment> _deployment = new(() => FakeModalDeployment.Start());

    /// <summary>The running fake.</summary>
    public FakeModalDeployment Deployment => _deployment.Value;

    /// <summary>Whether the fake was started (the sample runs offline).</summary>
    public bool IsRunning => _deployment.IsValueCreated;

    /// <summary>Whether <paramref name="options"/>, as bound from configuration, name no Modal apps at all.</summary>
    public static bool IsNeeded(ModalClientOptions options) =>
        string.IsNullOrWhiteSpace(options.Workspace) && options.BaseUrl is null && options.AppUrls.Count == 0;

    public void Dispose()
    {
        if (_deployment.IsValueCreated)
        {
            _deployment.Value.Dispose();
        }
    }
}
