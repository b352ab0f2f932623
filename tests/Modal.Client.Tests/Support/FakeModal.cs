using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Testing;

namespace Modal.Client.Tests.Support;

/// <summary>The fake Modal deployment from Modal.Client.Testing plus the real AddModalClient pipeline pointed at it.</summary>
internal sealed class FakeModal : IDisposable
{
    private readonly ServiceProvider _provider;

    public FakeModal(FakeModalDeploymentOptions? fakeOptions = null, Action<ModalClientOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        Fake = FakeModalDeployment.Start(fakeOptions);
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        services.AddModalClient(o =>
        {
            o.UseFakeDeployment(Fake);
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IModalClient>();
    }

    public FakeModalDeployment Fake { get; }

    public IModalClient Client { get; }

    public IServiceProvider Services => _provider;

    public ModelSelector Selector => _provider.GetRequiredService<ModelSelector>();

    public void Dispose()
    {
        _provider.Dispose();
        Fake.Dispose();
    }
}
