using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Testing;

namespace Modal.Client.Extensions.AI.Tests.Support;

/// <summary>
/// A fake Modal deployment on loopback plus the real <c>AddModalClient</c> pipeline pointed at it, shared by the tests of
/// one class (xunit runs them one after another; each test class resets the journal in its constructor).
/// </summary>
public sealed class ModalFixture : IDisposable
{
    private readonly ServiceProvider _provider;

    public ModalFixture()
    {
        // The mapping tests pin wire shapes: serve the deleted SDXL routes and accept any LoRA name.
        Fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { ServeDeletedSdxlRoutes = true, AcceptUnknownLoras = true });
        var services = new ServiceCollection();
        services.AddModalClient(o =>
        {
            o.UseFakeDeployment(Fake);
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IModalClient>();
    }

    public FakeModalDeployment Fake { get; }

    public IModalClient Client { get; }

    /// <summary>The JSON bodies of the calls (not polls) <paramref name="path"/> received, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Bodies(string path) =>
        [.. Fake.Journal.Requests(path).Where(r => r is { Method: "POST", IsResultPoll: false }).Select(r => r.BodyAsJson()!)];

    /// <summary>The one call <paramref name="path"/> received.</summary>
    public JsonObject SingleBody(string path) => Assert.Single(Bodies(path));

    public void Dispose()
    {
        _provider.Dispose();
        Fake.Dispose();
    }
}
