using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Modal.Client.Tests;

/// <summary>
/// A host that puts the standard resilience handler on every HttpClient (as .NET Aspire's service defaults do) must not
/// put its timeouts or POST retries on the SDK's clients (contract Appendix P14).
/// </summary>
public sealed class PipelineOwnershipTests
{
    [Fact]
    public async Task HostStandardResilienceDefaults_DoNotRetryPaidPost()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/flux").UsingPost()).RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":"Workflow execution failed (exit code 1)","details":"tb","type":"RuntimeError","path":"/flux"}"""));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        services.AddModalClient(o => o.BaseUrl = new Uri(server.Url!));
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ModalApiException>(() => provider.GetRequiredService<IModalClient>().Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        Assert.Single(server.LogEntries);
    }

    [Fact]
    public async Task HostStandardResilienceDefaults_DoNotCutLongCall()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/flux").UsingPost()).RespondWith(Response.Create()
            .WithDelay(TimeSpan.FromSeconds(11)).WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestMedia.Png()));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        services.AddModalClient(o => o.BaseUrl = new Uri(server.Url!));
        using var provider = services.BuildServiceProvider();

        // The standard handler's attempt timeout is 10 s: a call that takes 11 s must still succeed, once.
        var result = await provider.GetRequiredService<IModalClient>().Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });

        Assert.Equal(MediaFormat.Png, result.Format);
        Assert.Single(server.LogEntries);
    }
}
