using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
        // The standard handler's attempt timeout is 10 s (on the provider's TimeProvider): a call that takes 11 s of
        // simulated time must still succeed, once.
        var time = new FakeTimeProvider();
        var posts = new AsyncHandler((_, _, ct) =>
        {
            time.Advance(TimeSpan.FromSeconds(11));
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(AsyncHandler.Png());
        });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        services.AddModalClient(o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
        services.AddHttpClient("Modal.Client.FluxApi").ConfigurePrimaryHttpMessageHandler(() => posts);
        using var provider = services.BuildServiceProvider();

        // A wall-clock guard only: were the host's handler in the pipeline, its retries would wait on the fake clock forever.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await provider.GetRequiredService<IModalClient>().Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }, cancellationToken: guard.Token);

        Assert.Equal(MediaFormat.Png, result.Format);
        Assert.Equal(1, posts.Calls);
    }
}
