using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;
using WireMock.Types;

namespace Modal.Client.Tests;

/// <summary>303 chains, safe retries, cancellation, concurrency, health, warm-up, progress and proxy auth.</summary>
public sealed class LongCallTests
{
    private static readonly string FluxPath = WireMockModal.PathOf(ModalApp.Flux, "/flux");

    private static IResponseBuilder Png() => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestMedia.Png());

    private static IResponseBuilder SeeOther(WireMockModal modal)
        => Response.Create().WithStatusCode(303).WithHeader("Location", $"{modal.Server.Url}{FluxPath}?__modal_function_call_id=fc-long");

    private static int Count(WireMockModal modal, string method) => modal.Requests.Count(r => r.RequestMessage!.Method == method);

    private static void Fast(ModalClientOptions o) => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task ResetWhilePolling_IsRetriedWithoutNewPost()
    {
        var polls = new ScriptedHandler(
            _ => throw new HttpRequestException("Connection reset by peer", new IOException("reset"), System.Net.HttpStatusCode.OK),
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(TestMedia.Png()) });
        using var modal = new WireMockModal(Fast, configureServices: s => s.AddHttpClient(Internal.ResultPoller.ClientName).ConfigurePrimaryHttpMessageHandler(() => polls));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));

        var result = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });

        Assert.Equal(MediaFormat.Png, result.Format);
        Assert.Equal(1, Count(modal, "POST"));
        Assert.Equal(2, polls.Calls);
        Assert.Equal(1, result.ResultUrlPolls);
        Assert.Equal(1, result.Retries);
    }

    [Fact]
    public async Task DownloadBrokenAfterStart_ThenResultUrlExpired_ThrowsResultLostWithCallId()
    {
        var polls = new ScriptedHandler(
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) },
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.RequestTimeout) { Content = new StringContent("Missing request, possibly due to expiry or cancellation") });
        using var modal = new WireMockModal(Fast, configureServices: s => s.AddHttpClient(Internal.ResultPoller.ClientName).ConfigurePrimaryHttpMessageHandler(() => polls));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));

        var ex = await Assert.ThrowsAsync<ModalResultLostException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        Assert.Equal("fc-long", ex.CallId);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Contains("probably billed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Count(modal, "POST"));
    }

    [Fact]
    public async Task PlatformErrorWhilePolling_IsRetried()
    {
        using var modal = new WireMockModal(Fast);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingGet()).InScenario("poll").WillSetStateTo("failed")
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/plain").WithBody("modal-http: internal error"));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingGet()).InScenario("poll").WhenStateIs("failed").RespondWith(Png());

        var result = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });

        Assert.Equal("fc-long", result.CallId);
        Assert.Equal(1, Count(modal, "POST"));
    }

    [Fact]
    public async Task RateLimited_ThenSuccess_PostsExactlyTwice()
    {
        using var modal = new WireMockModal(Fast);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).InScenario("rate").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithHeader("Content-Type", "text/plain").WithBody("modal-http: rate limited"));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).InScenario("rate").WhenStateIs("ok").RespondWith(Png());

        var result = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });

        Assert.Equal(2, Count(modal, "POST"));
        Assert.Equal(1, result.Retries);
    }

    [Fact]
    public async Task PlatformServiceUnavailable_IsRetried_ButAppJson503IsNot()
    {
        using var modal = new WireMockModal(Fast);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).InScenario("503").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "text/plain").WithBody("Service Unavailable"));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).InScenario("503").WhenStateIs("ok").RespondWith(Png());
        var instantId = WireMockModal.PathOf(ModalApp.InstantId, "/sdxl-instantid");
        modal.Server.Given(Request.Create().WithPath(instantId).UsingPost()).RespondWith(Response.Create().WithStatusCode(503)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":"Workflow failed","details":"tb","type":"RuntimeError"}"""));

        await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });
        var ex = await Assert.ThrowsAsync<ModalApiException>(() => modal.Client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = TestMedia.PngMedia(), Prompt = "p" }));

        Assert.Equal(2, modal.Requests.Count(r => r.RequestMessage!.Path == FluxPath));
        Assert.Equal(1, modal.Requests.Count(r => r.RequestMessage!.Path == instantId));
        Assert.True(ex.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task WorkflowError500_IsNotRetried()
    {
        using var modal = new WireMockModal(Fast);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":"Workflow execution failed (exit code 1)","details":"tb","type":"RuntimeError","path":"/flux"}"""));

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        Assert.Equal(1, Count(modal, "POST"));
        Assert.True(ex.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task WorkflowError500_WithPerCallOptIn_IsRetriedOnce_AndLogsThatItMayBeChargedAgain()
    {
        var logs = new FakeLogCollector();
        using var modal = new WireMockModal(Fast, logs);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).InScenario("500").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":"Workflow execution failed (exit code 1)","details":"tb","type":"RuntimeError","path":"/flux"}"""));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).InScenario("500").WhenStateIs("ok").RespondWith(Png());

        GeneratedImage result;
        result = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }, new ModalCallOptions { RetryMayChargeAgain = true });

        Assert.Equal(2, Count(modal, "POST"));
        Assert.Equal(1, result.Retries);
        var retry = Assert.Single(logs.GetSnapshot(), l => l.Id.Id == 11);
        Assert.Contains("may be charged again", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowError500_WithOptionsOptIn_IsRetried()
    {
        using var modal = new WireMockModal(o => { Fast(o); o.Retry.RetryMayChargeAgain = true; o.Retry.MaxRetryAttempts = 2; });
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":"boom","details":"tb","type":"RuntimeError"}"""));

        await Assert.ThrowsAsync<ModalApiException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        Assert.Equal(3, Count(modal, "POST"));
    }

    [Fact]
    public async Task BudgetExhaustedMidChain_ThrowsTimeoutWithCallId()
    {
        var time = new FakeTimeProvider();
        using var modal = new WireMockModal(o => o.EndpointTimeouts["/flux"] = TimeSpan.FromSeconds(2), configureServices: s => s.AddSingleton<TimeProvider>(time));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingGet()).RespondWith(SeeOther(modal));
        var progress = new SynchronousProgress(p =>
        {
            if (p is { Stage: ModalCallStage.Redirected, Polls: 3 })
            {
                time.Advance(TimeSpan.FromSeconds(2));   // the budget runs out before the third poll is sent
            }
        });

        var ex = await Assert.ThrowsAsync<ModalTimeoutException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }, new ModalCallOptions { Progress = progress }));

        Assert.Equal("fc-long", ex.CallId);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Contains("budget of 2 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Count(modal, "POST"));
        Assert.Equal(2, Count(modal, "GET"));
    }

    [Fact]
    public async Task CancellationDuringPoll_IsHonoredAndSaysJobMayRun()
    {
        using var modal = new WireMockModal();
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingGet()).RespondWith(SeeOther(modal).WithDelay(TimeSpan.FromMilliseconds(50)));
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p is { Stage: ModalCallStage.Redirected, Polls: 3 })
            {
                cts.Cancel();
            }
        });

        OperationCanceledException ex;
        ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }, new ModalCallOptions { Progress = progress }, cancellationToken: cts.Token));

        Assert.Contains("fc-long", ex.Message, StringComparison.Ordinal);
        Assert.Contains("may still run", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Count(modal, "POST"));
    }

    [Fact]
    public async Task CircuitBreaker_OpensAfterRepeatedPlatformFailures_AndNamesTheApp()
    {
        using var modal = new WireMockModal(o => { o.CircuitBreaker.MinimumThroughput = 4; o.Retry.MaxRetryAttempts = 0; });
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(502)
            .WithHeader("Content-Type", "text/plain").WithBody("modal-http: app sent no response"));

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));
        }

        var open = await Assert.ThrowsAsync<ModalCircuitOpenException>(() => modal.Client.Flux.DevAsync(new FluxDevRequest { Prompt = "p" }));

        Assert.Equal("ryla-flux", open.App);
        Assert.Contains("ryla-flux", open.Message, StringComparison.Ordinal);
        Assert.False(open.GpuWorkMayHaveRun);
        Assert.Equal(4, Count(modal, "POST"));
    }

    [Fact]
    public async Task CircuitBreaker_Opening_IsLoggedOnceWithTheAppAndTheBreak()
    {
        var logs = new FakeLogCollector();
        using var modal = new WireMockModal(o => { o.CircuitBreaker.MinimumThroughput = 2; o.Retry.MaxRetryAttempts = 0; o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(45); }, logs);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(502).WithBody("modal-http: x"));
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));
        }

        await Assert.ThrowsAsync<ModalCircuitOpenException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        var opened = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 12);
        Assert.Equal("Modal.Client.Resilience", opened.Category);
        Assert.Equal(LogLevel.Warning, opened.Level);
        Assert.Equal(
            "The circuit breaker of Modal app ryla-flux opened for 45.0 s after repeated platform failures; its calls fail fast with ModalCircuitOpenException until then",
            opened.Message);
    }

    [Fact]
    public async Task CircuitBreaker_IsPerApp()
    {
        using var modal = new WireMockModal(o => { o.CircuitBreaker.MinimumThroughput = 2; o.Retry.MaxRetryAttempts = 0; });
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(502).WithBody("modal-http: x"));
        modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.ZImage, "/z-image-danrisi")).UsingPost()).RespondWith(Png());
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));
        }

        await Assert.ThrowsAsync<ModalCircuitOpenException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));
        var other = await modal.Client.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p" });

        Assert.Equal(MediaFormat.Png, other.Format);
    }

    [Fact]
    public async Task ConcurrencyLimit_HoldsCallsToLimitPerApp()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        using var modal = new WireMockModal(o => o.MaxConcurrentCallsPerApp = 2);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithCallback(_ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            Thread.Sleep(150);
            Interlocked.Decrement(ref inFlight);
            return new WireMock.ResponseMessage { StatusCode = 200, BodyData = new WireMock.Util.BodyData { BodyAsBytes = TestMedia.Png(), DetectedBodyType = BodyType.Bytes } };
        }));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" })));

        // The limit holds (never more than 2 at the server): the first 2 calls got a slot at once (no queue time), the
        // other 3 waited for one.
        Assert.Equal(5, Count(modal, "POST"));
        Assert.InRange(maxInFlight, 1, 2);
        Assert.Equal(2, results.Count(r => r.QueueTime == TimeSpan.Zero));
        Assert.Equal(3, results.Count(r => r.QueueTime > TimeSpan.Zero));
    }

    [Fact]
    public async Task Progress_ReportsStagesInOrder()
    {
        using var modal = new WireMockModal();
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingGet()).RespondWith(Png());
        var stages = new ConcurrentQueue<ModalCallStage>();

        await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }, new ModalCallOptions { Progress = new SynchronousProgress(p => stages.Enqueue(p.Stage)) });

        Assert.Equal(
            [ModalCallStage.Queued, ModalCallStage.Sending, ModalCallStage.Redirected, ModalCallStage.Downloading, ModalCallStage.Completed],
            stages.Where(s => s != ModalCallStage.Waiting).ToArray());
    }

    [Fact]
    public async Task ProxyAuth_SentOnPostAndPoll_NeverLogged()
    {
        var logs = new FakeLogCollector();
        using var modal = new WireMockModal(o => o.ProxyAuth = new ModalProxyAuth { TokenId = "wk-id123", TokenSecret = "ws-SECRET-456" }, logs);
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(SeeOther(modal));
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingGet()).RespondWith(Png());

        await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });

        Assert.All(modal.Requests, r =>
        {
            Assert.Equal("wk-id123", r.RequestMessage!.Headers!["Modal-Key"].Single());
            Assert.Equal("ws-SECRET-456", r.RequestMessage!.Headers!["Modal-Secret"].Single());
        });
        Assert.NotEmpty(logs.GetSnapshot());
        Assert.DoesNotContain(logs.GetSnapshot(), l => l.Message.Contains("ws-SECRET-456", StringComparison.Ordinal)
            || l.StructuredState?.Any(s => s.Value?.Contains("ws-SECRET-456", StringComparison.Ordinal) == true) == true);
        Assert.DoesNotContain("ws-SECRET", new ModalProxyAuth { TokenId = "wk-id123", TokenSecret = "ws-SECRET-456" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyAuth_Rejected_IsClearAuthenticationError()
    {
        using var modal = new WireMockModal(o => o.ProxyAuth = new ModalProxyAuth { TokenId = "wk-id", TokenSecret = "ws-bad-secret" });
        modal.Server.Given(Request.Create().WithPath(FluxPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(401)
            .WithHeader("Content-Type", "text/plain").WithBody("modal-http: invalid credentials for proxy authorization"));

        var ex = await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        Assert.Equal(ModalPlatformError.ProxyAuthInvalid, ex.Error);
        Assert.DoesNotContain("ws-bad-secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ProbesEveryApp()
    {
        using var modal = new WireMockModal();
        foreach (var app in ModalApp.All.Where(a => a != ModalApp.SeedVr2))
        {
            modal.Server.Given(Request.Create().WithPath($"/{app.Name}/health").UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"status":"healthy","app":"{{app.Name}}"}"""));
        }

        var health = await modal.Client.CheckHealthAsync();
        var check = await new ModalAppsHealthCheck(modal.Client).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(ModalApp.All, health.Select(h => h.App));
        Assert.All(health.Where(h => h.App != ModalApp.SeedVr2), h => Assert.True(h.IsHealthy));
        Assert.False(health.Single(h => h.App == ModalApp.SeedVr2).IsHealthy);
        Assert.Equal(HealthStatus.Degraded, check.Status);
    }

    [Fact]
    public async Task Health_UnreachableApp_IsReportedNeverThrown_EvenAfterManyProbes()
    {
        using var modal = new WireMockModal(o => { o.AppUrls["ryla-flux"] = new Uri("http://127.0.0.1:9/"); o.CircuitBreaker.MinimumThroughput = 2; });

        for (var i = 0; i < 6; i++)
        {
            var health = await modal.Client.CheckHealthAsync(ModalApp.Flux);
            Assert.False(health.IsHealthy);
            Assert.Contains("could not be reached", health.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WarmUp_WaitsForColdApp_WithoutGenerating()
    {
        using var modal = new WireMockModal();
        modal.Server.Given(Request.Create().WithPath("/ryla-wan26/health").UsingGet()).RespondWith(Response.Create()
            .WithDelay(TimeSpan.FromMilliseconds(300)).WithStatusCode(200).WithBody("""{"status":"healthy","app":"ryla-wan26"}"""));

        var health = await modal.Client.WarmUpAsync(ModalApp.Wan26);

        Assert.True(health.IsHealthy);
        Assert.Equal("GET", Assert.Single(modal.Requests).RequestMessage!.Method);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
