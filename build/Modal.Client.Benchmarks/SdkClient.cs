using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Benchmarks;

/// <summary>The SDK as an application registers it: <c>AddModalClient</c> with one base URL, from a service provider.</summary>
internal sealed class SdkClient : IDisposable
{
    private readonly ServiceProvider _provider;

    public SdkClient(Uri baseUrl, int maxConcurrentCallsPerApp = 5)
    {
        var services = new ServiceCollection();
        services.AddModalClient(o =>
        {
            o.BaseUrl = baseUrl;
            o.MaxConcurrentCallsPerApp = maxConcurrentCallsPerApp;
        });
        _provider = services.BuildServiceProvider();
        Modal = _provider.GetRequiredService<IModalClient>();
    }

    public IModalClient Modal { get; }

    public void Dispose() => _provider.Dispose();
}
