using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Modal.Client.ReliabilityTests.Support;
using Modal.Client.Testing;

namespace Modal.Client.ReliabilityTests;

/// <summary>
/// Issue #7, part 1: every fault the fake deployment can inject (plus the two it cannot, via a response rewriter, and a
/// refused connection), on a call and on a result-URL poll, times one endpoint per output kind. Each case checks that
/// the call ends (no hang) with a valid result or the documented typed exception, how many GPU runs the fake started
/// and how many POSTs it received, and what the exception says about GPU work.
/// </summary>
public sealed class FaultMatrixTests(FaultMatrixTests.SharedFake shared) : IClassFixture<FaultMatrixTests.SharedFake>
{
    /// <summary>Modal's 150 s limit, shrunk: a call longer than this answers 303 with a result URL.</summary>
    private static readonly TimeSpan SyncLimit = TimeSpan.FromMilliseconds(25);

    /// <summary>Every call's budget. Faults play out in well under it; a hang would blow through it.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private readonly FakeModalDeployment _fake = shared.Fake;

    /// <summary>What the fake does and what the SDK must make of it, for faults scripted on the call (the POST).</summary>
    private static readonly Dictionary<string, FaultCase> CallFaults = new()
    {
        ["none"] = new(FakeFault.None, Expect.Success()),
        ["cold start past the sync limit"] = new(FakeFault.ColdStart, Expect.Success(polls: 1)),
        ["multi-hop 303 chain (10 sync limits)"] = new(FakeFault.ColdStart, Expect.Success(polls: 9), Duration: SyncLimit * 10),
        ["app workflow failure"] = new(FakeFault.WorkflowFailure, Expect.Failure<ModalApiException>(mayHaveRun: true)),
        ["platform 500 terminated by signal"] = new(FakeFault.FunctionTerminated, Expect.Platform(ModalPlatformError.TerminatedBySignal, mayHaveRun: true)),
        ["platform 500 execution timed out"] = new(FakeFault.FunctionTimedOut, Expect.Platform(ModalPlatformError.ExecutionTimedOut, mayHaveRun: true)),
        ["408 missing request"] = new(FakeFault.RequestExpired, Expect.Platform(ModalPlatformError.ResultExpired, mayHaveRun: true, gpuRuns: 0)),
        ["429 once with Retry-After"] = new(FakeFault.RateLimited, Expect.Success(posts: 2, retries: 1), Duration: TimeSpan.Zero),
        ["429 on every attempt"] = new(FakeFault.RateLimited, Expect.Platform(ModalPlatformError.RateLimited, mayHaveRun: false, gpuRuns: 0, posts: 4), Times: 4, Duration: TimeSpan.Zero),
        ["503 platform once"] = new(FakeFault.ServiceUnavailable, Expect.Success(posts: 2, retries: 1)),
        ["404 invalid function call"] = new(FakeFault.InvalidFunctionCall, Expect.Platform(ModalPlatformError.InvalidFunctionCall, mayHaveRun: false, gpuRuns: 0)),
        ["404 app stopped"] = new(FakeFault.AppStopped, Expect.Platform(ModalPlatformError.AppStopped, mayHaveRun: false, gpuRuns: 0)),
        ["401 missing proxy credentials"] = new(FakeFault.MissingCredentials, Expect.Platform(ModalPlatformError.ProxyAuthMissing, mayHaveRun: false, gpuRuns: 0)),
        ["401 invalid proxy credentials"] = new(FakeFault.InvalidCredentials, Expect.Platform(ModalPlatformError.ProxyAuthInvalid, mayHaveRun: false, gpuRuns: 0)),
        ["connection reset after the request was sent"] = new(FakeFault.ConnectionReset, Expect.Failure<ModalTransportException>(mayHaveRun: true)),
        ["connection refused before the request was sent"] = new(
            FakeFault.None,
            Expect.Failure<ModalTransportException>(mayHaveRun: false, gpuRuns: 0, posts: 0),
            Options: (o, endpoint) => o.AppUrls[endpoint.App] = PipelineSeams.ClosedPortUrl()),
        ["truncated body"] = new(FakeFault.TruncatedBody, Expect.Failure<ModalResultLostException>(mayHaveRun: true)),
        ["slow body"] = new(FakeFault.SlowBody, Expect.Success(), Duration: TimeSpan.FromMilliseconds(200)),
        ["slow body past the budget"] = new(
            FakeFault.SlowBody,
            Expect.Failure<ModalTimeoutException>(mayHaveRun: true),
            Duration: TimeSpan.FromSeconds(20),
            Options: (o, _) => o.Timeout = TimeSpan.FromSeconds(1)),
        ["wrong Content-Type"] = new(FakeFault.WrongContentType, Expect.Success(serverContentType: "application/json")),
        ["missing Content-Type"] = new(FakeFault.MissingContentType, Expect.Success(serverContentType: null)),
        ["empty 200 body"] = new(FakeFault.EmptyBody, Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true)),
        ["200 HTML error page"] = new(FakeFault.HtmlErrorPage, Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true)),
        ["200 JSON error page"] = new(
            FakeFault.None,
            Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true),
            Services: (s, endpoint) => s.WrapPrimaryHandlers(ResponseRewriter.JsonErrorPage(endpoint.Path).Wrap)),
        ["200 body that is not media"] = new(
            FakeFault.None,
            Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true),
            Services: (s, endpoint) => s.WrapPrimaryHandlers(ResponseRewriter.NotMedia(endpoint.Path).Wrap)),
    };

    /// <summary>
    /// The same faults scripted on the result-URL poll of a call that ran past the sync limit. The GPU run started with
    /// the POST (the fake counts it), so every exception must say the work may have run, and no fault may re-POST.
    /// </summary>
    private static readonly Dictionary<string, FaultCase> PollFaults = new()
    {
        ["none"] = new(FakeFault.None, Expect.Success(polls: 1)),
        ["cold start lengthens the chain"] = new(FakeFault.ColdStart, Expect.Success(polls: 3)),
        ["app workflow failure"] = new(FakeFault.WorkflowFailure, Expect.Failure<ModalApiException>(mayHaveRun: true)),
        ["platform 500 terminated by signal"] = new(FakeFault.FunctionTerminated, Expect.Platform(ModalPlatformError.TerminatedBySignal, mayHaveRun: true)),
        ["platform 500 execution timed out"] = new(FakeFault.FunctionTimedOut, Expect.Platform(ModalPlatformError.ExecutionTimedOut, mayHaveRun: true)),
        ["408 result expired"] = new(FakeFault.RequestExpired, Expect.Platform(ModalPlatformError.ResultExpired, mayHaveRun: true)),
        ["429 once with Retry-After"] = new(FakeFault.RateLimited, Expect.Success(polls: 1, retries: 1), Duration: TimeSpan.Zero),
        ["503 platform once"] = new(FakeFault.ServiceUnavailable, Expect.Success(polls: 1, retries: 1)),
        ["404 invalid function call"] = new(FakeFault.InvalidFunctionCall, Expect.Platform(ModalPlatformError.InvalidFunctionCall, mayHaveRun: true)),
        ["404 app stopped"] = new(FakeFault.AppStopped, Expect.Platform(ModalPlatformError.AppStopped, mayHaveRun: true)),
        ["401 missing proxy credentials"] = new(FakeFault.MissingCredentials, Expect.Platform(ModalPlatformError.ProxyAuthMissing, mayHaveRun: true)),
        ["401 invalid proxy credentials"] = new(FakeFault.InvalidCredentials, Expect.Platform(ModalPlatformError.ProxyAuthInvalid, mayHaveRun: true)),
        ["connection reset"] = new(FakeFault.ConnectionReset, Expect.Success(polls: 1, retries: 1)),
        ["truncated body"] = new(FakeFault.TruncatedBody, Expect.Failure<ModalResultLostException>(mayHaveRun: true)),
        ["slow body"] = new(FakeFault.SlowBody, Expect.Success(polls: 1), Duration: TimeSpan.FromMilliseconds(200)),
        ["wrong Content-Type"] = new(FakeFault.WrongContentType, Expect.Success(polls: 1, serverContentType: "application/json")),
        ["missing Content-Type"] = new(FakeFault.MissingContentType, Expect.Success(polls: 1, serverContentType: null)),
        ["empty 200 body"] = new(FakeFault.EmptyBody, Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true)),
        ["200 HTML error page"] = new(FakeFault.HtmlErrorPage, Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true)),
        ["200 JSON error page"] = new(
            FakeFault.None,
            Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true),
            Services: (s, endpoint) => s.WrapPrimaryHandlers(ResponseRewriter.JsonErrorPage(endpoint.Path).Wrap)),
        ["200 body that is not media"] = new(
            FakeFault.None,
            Expect.Failure<ModalInvalidResponseException>(mayHaveRun: true),
            Services: (s, endpoint) => s.WrapPrimaryHandlers(ResponseRewriter.NotMedia(endpoint.Path).Wrap)),
    };

    public static TheoryData<string, string> CallFaultMatrix() => Matrix(CallFaults.Keys);

    public static TheoryData<string, string> PollFaultMatrix() => Matrix(PollFaults.Keys);

    [Theory]
    [MemberData(nameof(CallFaultMatrix))]
    public async Task FaultOnCall_AnyOutputKind_EndsWithResultOrTypedExceptionAndOneGpuRun(string fault, string endpoint)
        => await RunAsync(CallFaults[fault], Representative.For(endpoint), onPoll: false, fault);

    [Theory]
    [MemberData(nameof(PollFaultMatrix))]
    public async Task FaultOnResultPoll_AnyOutputKind_EndsWithResultOrTypedExceptionAndNoRepost(string fault, string endpoint)
        => await RunAsync(PollFaults[fault], Representative.For(endpoint), onPoll: true, fault);

    [Fact]
    public async Task ConnectionResetOnReusedConnection_AfterSend_StartsOneGpuRunNotTwo()
    {
        // A POST on a pooled keep-alive connection that the server resets after reading it: SocketsHttpHandler may
        // resend a request whose connection closed before any response byte, which would run a second paid GPU job.
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path);
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget);
        await Representative.Image.CallAsync(harness.Client, 1, "warm the connection pool");
        endpoint.Inject(FakeFault.ConnectionReset);

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 2, "reset on a reused connection"));

        outcome.AssertResultOrTypedException();
        Assert.Equal(2, _fake.Journal.GpuRunCount(endpoint.Path));
        Assert.Equal(2, _fake.Journal.CallCount(endpoint.Path));
        var transport = Assert.IsType<ModalTransportException>(outcome.Exception);
        Assert.True(transport.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task RateLimited_WithRetryAfter_SendsNoSecondPostBeforeTheClientClockPassesIt()
    {
        // Counts, not timings: the SDK's clock is fake, so the retry can only happen once the test moves it on.
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path).Inject(FakeFault.RateLimited, duration: TimeSpan.FromSeconds(5));
        var clientClock = new FakeTimeProvider();
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget, s => s.AddSingleton<TimeProvider>(clientClock));
        var call = CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 11, "rate limited"));
        try
        {
            // The SDK logs the retry (with its delay) just before it starts waiting.
            await WaitUntilAsync(() => harness.Logs.GetSnapshot().Any(r => r.Id.Id == 10 || r.Message.StartsWith("Retrying Modal call", StringComparison.Ordinal)));
            await Task.Delay(100);
            clientClock.Advance(TimeSpan.FromSeconds(4.5));
            await Task.Delay(200);
            var postsBeforeRetryAfter = _fake.Journal.CallCount(endpoint.Path);
            for (var step = 0; step < 20 && _fake.Journal.CallCount(endpoint.Path) < 2; step++)
            {
                clientClock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50);
            }

            var outcome = await call;

            Assert.Equal(1, postsBeforeRetryAfter);
            Assert.True(outcome.Succeeded, outcome.Exception?.ToString());
            Assert.Equal(1, outcome.Result!.Retries);
            Assert.Equal(2, _fake.Journal.CallCount(endpoint.Path));
            Assert.Equal(1, _fake.Journal.GpuRunCount(endpoint.Path));
        }
        finally
        {
            // A call still waiting on the fake clock would block disposal (Polly's registry waits for running executions).
            clientClock.Advance(TimeSpan.FromHours(1));
            await call;
        }
    }

    [Fact]
    public async Task RetryOptIn_WorkflowFailureOnce_RunsTheGpuJobTwiceAndSucceeds()
    {
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path).Inject(FakeFault.WorkflowFailure);
        using var harness = new ModalHarness(_fake, o => { o.Timeout = Budget; o.Retry.RetryMayChargeAgain = true; });

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 3, "opted in"));

        Assert.True(outcome.Succeeded, outcome.Exception?.ToString());
        Assert.Equal(1, outcome.Result!.Retries);
        Assert.Equal(2, _fake.Journal.GpuRunCount(endpoint.Path)); // allowed: the caller accepted a second charge
    }

    [Fact]
    public async Task RetryOptIn_ConnectionResetAfterSend_IsRetriedAndChargedTwice()
    {
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.AnimatedWebP.Path).Inject(FakeFault.ConnectionReset);
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget);

        CallOutcome outcome;
        outcome = await CallOutcome.CaptureAsync(() => Representative.AnimatedWebP.CallAsync(harness.Client, new ModalCallOptions { RetryMayChargeAgain = true }, 4, "opted in per call"));

        Assert.True(outcome.Succeeded, outcome.Exception?.ToString());
        Assert.Equal(2, _fake.Journal.GpuRunCount(endpoint.Path));
    }

    [Fact]
    public async Task PlatformServiceUnavailable_AfterRetriesExhausted_SaysNoGpuWorkRan()
    {
        // Plain-text 503 is retried because "it cannot have started" (README: charged twice? No). When the retries run
        // out, the exception must say the same thing the retry policy assumed.
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path).Inject(FakeFault.ServiceUnavailable, times: 4);
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget);

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 5, "503 four times"));

        outcome.AssertResultOrTypedException();
        var ex = Assert.IsType<ModalPlatformException>(outcome.Exception);
        Assert.Equal(4, _fake.Journal.CallCount(endpoint.Path));
        Assert.Equal(0, _fake.Journal.GpuRunCount(endpoint.Path));
        Assert.False(ex.GpuWorkMayHaveRun, "A platform 503 that the SDK retried as 'cannot have started' is reported as 'may have run'.");
    }

    [Theory]
    [InlineData(FakeFault.InvalidFunctionCall)]
    [InlineData(FakeFault.AppStopped)]
    [InlineData(FakeFault.MissingCredentials)]
    [InlineData(FakeFault.InvalidCredentials)]
    public async Task PlatformRejectionOfResultPoll_AfterTheGpuRunStarted_SaysGpuWorkMayHaveRun(FakeFault rejection)
    {
        // The POST was answered 303: the job runs and is billed. A 401/404 on the result URL cannot undo that.
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path);
        endpoint.GenerationTime = SyncLimit * 2;
        endpoint.InjectOnPoll(rejection);
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget);

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 9, "rejected poll"));

        var ex = Assert.IsType<ModalPlatformException>(outcome.Exception);
        Assert.Equal(1, _fake.Journal.GpuRunCount(endpoint.Path));
        Assert.True(ex.GpuWorkMayHaveRun, $"{ex.Error} on a result URL says no GPU work ran, but the job had started.");
        Assert.NotNull(ex.CallId);
    }

    [Theory]
    [InlineData(FakeFault.FunctionTerminated, ModalPlatformError.TerminatedBySignal)]
    [InlineData(FakeFault.FunctionTimedOut, ModalPlatformError.ExecutionTimedOut)]
    public async Task TerminalPlatformErrorOnResultPoll_IsReportedAsItself_NotAsAnExpiredResult(FakeFault fault, ModalPlatformError expected)
    {
        // "function was terminated by signal" on a result URL is the call's outcome, not a failed poll: re-polling a
        // single-use result URL then answers 408, and the user is told the result expired instead of why the job died.
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path);
        endpoint.GenerationTime = SyncLimit * 2;
        endpoint.InjectOnPoll(fault);
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget);

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 10, "job died"));

        var ex = Assert.IsType<ModalPlatformException>(outcome.Exception);
        Assert.Equal(expected, ex.Error);
        Assert.True(ex.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task AppErrorWithTruncatedBody_EndsWithTypedException()
    {
        // An app error (404 LoRA not found) whose body breaks mid-way: the error body is read by the classifier.
        await using var fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = SyncLimit, KnownLoras = ["character-known"] });
        fake.Endpoint("/flux-dev-lora").Inject(FakeFault.TruncatedBody);
        using var harness = new ModalHarness(fake, o => o.Timeout = Budget);

        var outcome = await CallOutcome.CaptureAsync(async () => await harness.Client.Flux.DevLoraAsync(
            new FluxDevLoraRequest { Lora = LoraReference.ById("unknown"), Prompt = "a fox", Seed = 6 }));

        outcome.AssertResultOrTypedException();
        Assert.Equal(1, fake.Journal.CallCount("/flux-dev-lora"));
    }

    [Fact]
    public async Task WorkflowFailureWithTruncatedBodyOnPoll_EndsWithTypedExceptionSayingWorkRan()
    {
        _fake.Reset();
        var endpoint = _fake.Endpoint(Representative.Image.Path);
        endpoint.GenerationTime = SyncLimit * 2;
        endpoint.Inject(FakeFault.WorkflowFailure).InjectOnPoll(FakeFault.TruncatedBody);
        using var harness = new ModalHarness(_fake, o => o.Timeout = Budget);

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 7, "error body cut short"));

        outcome.AssertResultOrTypedException();
        Assert.True(Assert.IsAssignableFrom<ModalException>(outcome.Exception).GpuWorkMayHaveRun);
        Assert.Equal(1, _fake.Journal.GpuRunCount(endpoint.Path));
    }

    [Fact]
    public async Task SlowResultPoll_PastPollTimeoutOnEveryRetry_EndsWithTypedException()
    {
        // Each result-URL GET is held longer than ResultPollTimeout (Modal holds one up to 150 s); after the last poll
        // retry the call must end with a ModalException, not the raw TaskCanceledException of the poll's own timeout.
        await using var fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = TimeSpan.FromMilliseconds(300) });
        fake.Endpoint(Representative.Image.Path).GenerationTime = TimeSpan.FromSeconds(20);
        using var harness = new ModalHarness(fake, o =>
        {
            o.Timeout = Budget;
            o.ResultPollTimeout = TimeSpan.FromMilliseconds(50);
            o.Retry.MaxPollRetries = 2;
        });

        var outcome = await CallOutcome.CaptureAsync(() => Representative.Image.CallAsync(harness.Client, 8, "slow poll"));

        outcome.AssertResultOrTypedException();
        Assert.True(Assert.IsAssignableFrom<ModalException>(outcome.Exception).GpuWorkMayHaveRun);
        Assert.Equal(1, fake.Journal.CallCount(Representative.Image.Path));
        Assert.Equal(3, fake.Journal.PollCount(Representative.Image.Path));
    }

    private async Task RunAsync(FaultCase fault, Representative endpointUnderTest, bool onPoll, string name)
    {
        _fake.Reset();
        var endpoint = _fake.Endpoint(endpointUnderTest.Path);
        if (onPoll)
        {
            endpoint.GenerationTime = SyncLimit * 2; // the POST answers 303; one poll fetches the result
        }

        if (fault.Fault != FakeFault.None)
        {
            if (onPoll)
            {
                endpoint.InjectOnPoll(fault.Fault, fault.Times, fault.Duration);
            }
            else
            {
                endpoint.Inject(fault.Fault, fault.Times, fault.Duration);
            }
        }

        using var harness = new ModalHarness(
            _fake,
            o => { o.Timeout = Budget; fault.Options?.Invoke(o, endpoint); },
            s => fault.Services?.Invoke(s, endpoint));
        const long seed = 424242;
        var prompt = $"fault matrix: {name}";

        var outcome = await CallOutcome.CaptureAsync(() => endpointUnderTest.CallAsync(harness.Client, seed, prompt));

        var expect = fault.Expect;
        outcome.AssertResultOrTypedException();
        Assert.Equal(expect.GpuRuns, _fake.Journal.GpuRunCount(endpoint.Path));
        Assert.Equal(expect.Posts, _fake.Journal.CallCount(endpoint.Path));
        if (expect.Exception is null)
        {
            Assert.True(outcome.Succeeded, $"Expected a result, got: {outcome.Exception}");
            var result = outcome.Result!;
            Assert.Equal(endpointUnderTest.Format, result.Format);
            Assert.Equal(endpointUnderTest.Path, result.Endpoint?.Path);
            Assert.Equal(endpointUnderTest.Seeded ? seed : null, result.Seed);
            Assert.Equal(expect.Retries, result.Retries);
            if (expect.Polls is { } polls)
            {
                Assert.Equal(polls, result.ResultUrlPolls);
            }

            if (expect.CheckServerContentType)
            {
                Assert.Equal(expect.ServerContentType, result.ServerContentType);
            }

            Assert.NotNull(result.CallId);
            return;
        }

        var ex = Assert.IsAssignableFrom<ModalException>(outcome.Exception);
        Assert.IsType(expect.Exception, ex);
        Assert.Equal(endpoint.Path, ex.Endpoint?.Path);
        Assert.Equal(expect.MayHaveRun, ex.GpuWorkMayHaveRun);
        if (_fake.Journal.GpuRunCount(endpoint.Path) > 0)
        {
            Assert.True(ex.GpuWorkMayHaveRun, "The fake started a GPU run, but the exception says no work can have run.");
        }

        if (expect.Error is { } error)
        {
            Assert.Equal(error, Assert.IsType<ModalPlatformException>(ex).Error);
        }

        if (fault.Fault == FakeFault.RateLimited)
        {
            Assert.Equal(TimeSpan.Zero, Assert.IsType<ModalPlatformException>(ex).RetryAfter);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(CallOutcome.HangGuard);
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    private static TheoryData<string, string> Matrix(IEnumerable<string> faults)
    {
        var data = new TheoryData<string, string>();
        foreach (var fault in faults)
        {
            foreach (var endpoint in Representative.All)
            {
                data.Add(fault, endpoint.Path);
            }
        }

        return data;
    }

    /// <summary>One fake deployment for the whole class (tests in a class run one after another); each test resets it.</summary>
    public sealed class SharedFake : IDisposable
    {
        public FakeModalDeployment Fake { get; } = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = SyncLimit });

        public void Dispose() => Fake.Dispose();
    }

    private sealed record FaultCase(
        FakeFault Fault,
        Expect Expect,
        int Times = 1,
        TimeSpan? Duration = null,
        Action<ModalClientOptions, FakeEndpoint>? Options = null,
        Action<IServiceCollection, FakeEndpoint>? Services = null);

    private sealed record Expect(
        Type? Exception,
        bool MayHaveRun,
        int GpuRuns,
        int Posts,
        ModalPlatformError? Error = null,
        int? Polls = 0,
        int Retries = 0,
        bool CheckServerContentType = false,
        string? ServerContentType = null)
    {
        public static Expect Success(int posts = 1, int? polls = 0, int retries = 0) => new(null, false, 1, posts, Polls: polls, Retries: retries);

        public static Expect Success(string? serverContentType, int? polls = 0) =>
            new(null, false, 1, 1, Polls: polls, CheckServerContentType: true, ServerContentType: serverContentType);

        public static Expect Failure<T>(bool mayHaveRun, int gpuRuns = 1, int posts = 1)
            where T : ModalException => new(typeof(T), mayHaveRun, gpuRuns, posts);

        public static Expect Platform(ModalPlatformError error, bool mayHaveRun, int gpuRuns = 1, int posts = 1) =>
            new(typeof(ModalPlatformException), mayHaveRun, gpuRuns, posts, error);
    }
}
