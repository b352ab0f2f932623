using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Modal.Client.Internal;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>
/// The call pipeline's money rules and timing: polls never meet the breaker, a call that never got past a rejection
/// says nothing ran and costs nothing, estimates count the time from send to last byte (not the queue), budgets print
/// as configured, and a result destination belongs to one call at a time.
/// </summary>
public sealed class CallPipelineTests : IDisposable
{
    private static readonly Uri Base = new("http://127.0.0.1:9/");
    private readonly string _directory = Directory.CreateTempSubdirectory("modal-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceProvider Build(
        AsyncHandler posts, AsyncHandler? polls = null, Action<ModalClientOptions>? configure = null, TimeProvider? time = null, Action<ModalClientBuilder>? builder = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var modal = services.AddModalClient(o =>
        {
            o.BaseUrl = Base;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        services.AddHttpClient("Modal.Client.FluxApi").ConfigurePrimaryHttpMessageHandler(() => posts);
        if (polls is not null)
        {
            services.AddHttpClient(ResultPoller.ClientName).ConfigurePrimaryHttpMessageHandler(() => polls);
        }

        builder?.Invoke(modal);
        return services.BuildServiceProvider();
    }

    private static FluxDevRequest Fox => new() { Prompt = "a fox", Seed = 1 };

    [Fact]
    public async Task Poll_WhileOtherCallsOpenTheBreaker_IsNeverRefused()
    {
        IModalClient? client = null;
        Exception? refused = null;
        var posts = new AsyncHandler((request, i, _) => Task.FromResult(i == 0
            ? AsyncHandler.SeeOther(request)
            : AsyncHandler.Text(HttpStatusCode.InternalServerError, "modal-http: internal error")));
        var polls = new AsyncHandler(async (request, i, ct) =>
        {
            if (i == 0)
            {
                // While this job runs, another call fails at the platform: with the accepted POST that is 1 failure in 2,
                // which reaches the failure ratio and opens the app's breaker for POSTs.
                await Assert.ThrowsAsync<ModalPlatformException>(() => client!.Flux.DevAsync(Fox, cancellationToken: ct));

                refused = await Assert.ThrowsAsync<ModalCircuitOpenException>(() => client!.Flux.DevAsync(Fox, cancellationToken: ct));
                return AsyncHandler.SeeOther(request);
            }

            return AsyncHandler.Png();
        });
        using var provider = Build(posts, polls, o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        client = provider.GetRequiredService<IModalClient>();

        var image = await client.Flux.DevAsync(Fox);

        Assert.Equal(MediaFormat.Png, image.Format);
        Assert.Equal(2, image.ResultUrlPolls);
        Assert.Equal(2, polls.Calls);
        Assert.Equal(2, posts.Calls);
        Assert.False(Assert.IsType<ModalCircuitOpenException>(refused).GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task AcceptedJob_ThenEveryPollFails_NeverSaysNothingRan_AndLandsInTheLedger()
    {
        var posts = new AsyncHandler((request, _, _) => Task.FromResult(AsyncHandler.SeeOther(request, "fc-paid")));
        var polls = new AsyncHandler((_, _, _) => throw new HttpRequestException("refused", null, HttpStatusCode.OK) { });
        using var provider = Build(posts, polls, o => o.Retry.MaxPollRetries = 1);
        var client = provider.GetRequiredService<IModalClient>();

        var ex = await Assert.ThrowsAsync<ModalTransportException>(() => client.Flux.DevAsync(Fox));

        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal("fc-paid", ex.CallId);
        Assert.Equal(2, polls.Calls);
        Assert.Equal(1, provider.GetRequiredService<ModalCostLedger>().Snapshot().Total.Calls);
    }

    [Fact]
    public async Task PollResetBeforeHeaders_ThenResultUrlAnswers408_IsResultLost()
    {
        var posts = new AsyncHandler((request, _, _) => Task.FromResult(AsyncHandler.SeeOther(request, "fc-once")));
        var polls = new AsyncHandler((_, i, _) => i == 0
            ? throw new HttpRequestException("Connection reset by peer", new IOException("reset"))
            : Task.FromResult(AsyncHandler.Text(HttpStatusCode.RequestTimeout, "Missing request, possibly due to expiry or cancellation")));
        using var provider = Build(posts, polls);

        var ex = await Assert.ThrowsAsync<ModalResultLostException>(() => provider.GetRequiredService<IModalClient>().Flux.DevAsync(Fox));

        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal(408, ex.StatusCode);
        Assert.Equal("fc-once", ex.CallId);
        Assert.Equal("ryla-flux", ex.App);
        Assert.Equal(1, posts.Calls);
        Assert.Equal(1, provider.GetRequiredService<ModalCostLedger>().Snapshot().Total.Calls);
    }

    [Fact]
    public async Task SelectorFallback_AfterThePrimaryWasAccepted_NeverStartsASecondRun()
    {
        var zImage = new AsyncHandler((request, _, _) => Task.FromResult(AsyncHandler.SeeOther(request, "fc-primary")));
        var flux = new AsyncHandler((_, _, _) => Task.FromResult(AsyncHandler.Png()));
        var polls = new AsyncHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("""{"error":"Workflow execution failed (exit code 1)","details":"tb","type":"RuntimeError"}""", System.Text.Encoding.UTF8, "application/json"),
        }));
        var services = new ServiceCollection();
        services.AddModalClient(o => o.BaseUrl = Base);
        services.AddHttpClient("Modal.Client.ZImageApi").ConfigurePrimaryHttpMessageHandler(() => zImage);
        services.AddHttpClient("Modal.Client.FluxApi").ConfigurePrimaryHttpMessageHandler(() => flux);
        services.AddHttpClient(ResultPoller.ClientName).ConfigurePrimaryHttpMessageHandler(() => polls);
        using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => provider.GetRequiredService<IModelSelector>()
            .GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox" }, ModalUseCase.FastPreview, fallback: true));

        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal(ModalEndpoint.ZImageDanrisi, ex.Endpoint);
        Assert.Equal(1, zImage.Calls);
        Assert.Equal(0, flux.Calls);
    }

    [Fact]
    public async Task RateLimitStorm_CancelledDuringBackoff_SaysNothingRan_AndRecordsNoCost()
    {
        using var cts = new CancellationTokenSource();
        var posts = new AsyncHandler((_, _, _) =>
        {
            cts.CancelAfter(TimeSpan.FromMilliseconds(50));
            var response = AsyncHandler.Text(HttpStatusCode.TooManyRequests, "Too Many Requests");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(60));
            return Task.FromResult(response);
        });
        using var provider = Build(posts);
        var client = provider.GetRequiredService<IModalClient>();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Flux.DevAsync(Fox, cancellationToken: cts.Token));

        Assert.Contains("before any attempt could start GPU work", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, posts.Calls);
        var spend = provider.GetRequiredService<ModalCostLedger>().Snapshot();
        Assert.Equal(0, spend.Total.Calls);
        Assert.Equal(0m, spend.InFlightEstimateUsd);
    }

    [Fact]
    public async Task EstimatedCost_CountsSendToLastByte_QueueTimeIsTheSlotWait()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = new AsyncHandler(async (_, i, _) =>
        {
            if (i == 0)
            {
                entered.SetResult();
                await release.Task;
            }
            else
            {
                time.Advance(TimeSpan.FromSeconds(10));
            }

            return AsyncHandler.Png();
        });
        using var provider = Build(posts, configure: o => o.MaxConcurrentCallsPerApp = 1, time: time);
        var client = provider.GetRequiredService<IModalClient>();

        var first = client.Flux.DevAsync(Fox);
        await entered.Task;
        var second = client.Flux.DevAsync(Fox);   // queued behind the first: the app allows one call at a time
        time.Advance(TimeSpan.FromSeconds(30));
        release.SetResult();
        var (a, b) = (await first, await second);

        Assert.Equal(TimeSpan.Zero, a.QueueTime);
        Assert.Equal(new ModalCost(0.01626m, ModalCostSource.Estimated), a.Cost);          // 30 s x $0.000542
        Assert.Equal(TimeSpan.FromSeconds(30), b.QueueTime);
        Assert.Equal(TimeSpan.FromSeconds(40), b.Duration);                                // the caller's time, queue included
        Assert.Equal(new ModalCost(0.00542m, ModalCostSource.Estimated), b.Cost);          // 10 s on the GPU, not 40
        Assert.Equal(0.02168m, provider.GetRequiredService<ModalCostLedger>().Snapshot().Total.EstimatedUsd);
    }

    [Fact]
    public async Task BudgetExpired_PrintsTheBudgetAsConfigured_AndSaysTheJobMayStillRun()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = new AsyncHandler(async (_, _, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return AsyncHandler.Png();
        });
        using var provider = Build(posts, time: time);
        var client = provider.GetRequiredService<IModalClient>();

        var call = client.Flux.DevAsync(Fox, new ModalCallOptions { Timeout = TimeSpan.FromSeconds(2.5) });
        await entered.Task;
        time.Advance(TimeSpan.FromSeconds(2.5));
        var ex = await Assert.ThrowsAsync<ModalTimeoutException>(() => call);

        Assert.Contains("within its budget of 2.5 s.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2.5), ex.Budget);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal(new ModalCost(0.001355m, ModalCostSource.Estimated).Usd, provider.GetRequiredService<ModalCostLedger>().Snapshot().Total.EstimatedUsd);
    }

    [Fact]
    public async Task RetrySettings_Reload_WhenTheConfigurationChanges()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseUrl"] = Base.AbsoluteUri,
            ["Retry:MaxRetryAttempts"] = "0",
            ["Retry:BaseDelay"] = "00:00:00.010",
        }).Build();
        var posts = new AsyncHandler((_, i, _) => Task.FromResult(i < 2 ? AsyncHandler.Text(HttpStatusCode.TooManyRequests, "slow down") : AsyncHandler.Png()));
        var services = new ServiceCollection();
        services.AddModalClient(config);
        services.AddHttpClient("Modal.Client.FluxApi").ConfigurePrimaryHttpMessageHandler(() => posts);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IModalClient>();

        await Assert.ThrowsAsync<ModalPlatformException>(() => client.Flux.DevAsync(Fox));   // no retries configured
        config["Retry:MaxRetryAttempts"] = "2";
        config.Reload();
        var image = await client.Flux.DevAsync(Fox);                                          // 429 once more, then the image

        Assert.Equal(3, posts.Calls);
        Assert.Equal(1, image.Retries);
    }

    [Theory]
    [InlineData(2.5, "2.5 s")]
    [InlineData(45, "45 s")]
    [InlineData(1200, "00:20:00")]
    [InlineData(5400.5, "01:30:00.5000000")]
    public void Durations_Format_PrintsAsConfigured(double seconds, string expected)
        => Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task ResultFile_UsedByACallInFlight_IsRefusedForASecondCallBeforeSending()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = new AsyncHandler(async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return AsyncHandler.Png();
        });
        using var provider = Build(posts);
        var client = provider.GetRequiredService<IModalClient>();
        var options = new ModalCallOptions { ResultFile = Path.Combine(_directory, "fox.png") };

        var first = client.Flux.DevAsync(Fox, options);
        await entered.Task;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Flux.DevAsync(Fox, options));
        release.SetResult();
        var image = await first;
        var again = await client.Flux.DevAsync(Fox, options);   // free again once the first call ended

        Assert.Equal("options.ResultFile", ex.ParamName);
        Assert.Equal(2, posts.Calls);
        Assert.Equal(options.ResultFile, image.FilePath);
        Assert.Equal(image.FilePath, again.FilePath);
    }

    [Fact]
    public async Task ResultStream_ReceivesTheWholeBody_AndNoTemporaryFileRemains()
    {
        var posts = new AsyncHandler((_, _, _) => Task.FromResult(AsyncHandler.Png()));
        using var provider = Build(posts);
        var client = provider.GetRequiredService<IModalClient>();
        using var destination = new MemoryStream();
        var before = Directory.GetFiles(Path.GetTempPath(), "modal-client-*.partial").Length;

        var image = await client.Flux.DevAsync(Fox, new ModalCallOptions { ResultStream = destination });

        Assert.Equal(TestMedia.Png(), destination.ToArray());
        Assert.Equal(TestMedia.Png().Length, image.Length);
        Assert.Equal(MediaFormat.Png, image.Format);
        Assert.Null(image.FilePath);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "modal-client-*.partial").Length);
    }

    [Fact]
    public async Task ResultStream_ThatFailsWhileWritten_StillBooksThePaidCall()
    {
        var posts = new AsyncHandler((_, _, _) => Task.FromResult(AsyncHandler.Png()));
        using var provider = Build(posts);
        using var broken = new BrokenStream();

        await Assert.ThrowsAsync<IOException>(() => provider.GetRequiredService<IModalClient>().Flux.DevAsync(Fox, new ModalCallOptions { ResultStream = broken }));

        Assert.Equal(1, provider.GetRequiredService<ModalCostLedger>().Snapshot().Total.Calls);
    }

    [Theory]
    [InlineData(-1.0, "options.Timeout")]
    [InlineData(0.0, "options.Timeout")]
    public async Task CallOptions_Invalid_AreRefusedBeforeSending(double seconds, string paramName)
    {
        var posts = new AsyncHandler((_, _, _) => Task.FromResult(AsyncHandler.Png()));
        using var provider = Build(posts);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => provider.GetRequiredService<IModalClient>().Flux.DevAsync(
            Fox, new ModalCallOptions { Timeout = TimeSpan.FromSeconds(seconds) }));

        Assert.Equal(paramName, ex.ParamName);
        Assert.Equal(0, posts.Calls);
    }

    [Fact]
    public async Task CallOptions_FileAndStreamTogether_AreRefusedBeforeSending()
    {
        var posts = new AsyncHandler((_, _, _) => Task.FromResult(AsyncHandler.Png()));
        using var provider = Build(posts);
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => provider.GetRequiredService<IModalClient>().Flux.DevAsync(
            Fox, new ModalCallOptions { ResultFile = Path.Combine(_directory, "x.png"), ResultStream = stream }));

        Assert.Equal("options.ResultStream", ex.ParamName);
        Assert.Equal(0, posts.Calls);
    }

    [Fact]
    public async Task ConfigureHttpClients_UserHandler_SeesEveryPostAttemptAndPoll()
    {
        var seen = new List<(HttpMethod Method, string? Header)>();
        var posts = new AsyncHandler((request, i, _) =>
        {
            lock (seen)
            {
                seen.Add((request.Method, request.Headers.TryGetValues("X-Tenant", out var v) ? v.Single() : null));
            }

            return Task.FromResult(i == 0 ? AsyncHandler.Text(HttpStatusCode.TooManyRequests, "slow down") : AsyncHandler.SeeOther(request));
        });
        var polls = new AsyncHandler((request, _, _) =>
        {
            lock (seen)
            {
                seen.Add((request.Method, request.Headers.TryGetValues("X-Tenant", out var v) ? v.Single() : null));
            }

            return Task.FromResult(AsyncHandler.Png());
        });
        using var provider = Build(posts, polls, builder: b => b.ConfigureHttpClients(c => c.AddHttpMessageHandler(() => new TenantHeader())));

        await provider.GetRequiredService<IModalClient>().Flux.DevAsync(Fox);

        Assert.Equal([(HttpMethod.Post, "acme"), (HttpMethod.Post, "acme"), (HttpMethod.Get, "acme")], seen);
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("disk full");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("disk full");
    }

    private sealed class TenantHeader : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Tenant");
            request.Headers.Add("X-Tenant", "acme");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
