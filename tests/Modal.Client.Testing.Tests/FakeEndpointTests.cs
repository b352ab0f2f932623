using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Tests;

public sealed class FakeEndpointTests : IDisposable
{
    private const string Body = """{"prompt":"p","width":64,"height":64}""";

    private readonly FakeModalDeployment fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(30) });
    private readonly HttpClient http = Wire.Client();

    public void Dispose()
    {
        http.Dispose();
        fake.Dispose();
    }

    [Fact]
    public async Task Inject_WorkflowFailureTwice_FailsTwiceThenSucceeds()
    {
        var flux = fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure, times: 2);

        using var first = await http.PostJsonAsync(flux.Url, Body);
        using var second = await http.PostJsonAsync(flux.Url, Body);
        using var third = await http.PostJsonAsync(flux.Url, Body);
        var error = await first.ReadJsonAsync();

        Assert.Equal([500, 500, 200], new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
        Assert.Equal("Exception", error["type"]!.GetValue<string>());
        Assert.Equal("/flux", error["path"]!.GetValue<string>());
        Assert.StartsWith("Workflow execution failed (exit code 1)", error["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("fc-", first.Header(FakeHeaders.FunctionCallId), StringComparison.Ordinal);
        Assert.Equal(3, fake.Journal.GpuRunCount("/flux"));
    }

    [Theory]
    [InlineData("/sdxl-instantid", 503)]
    [InlineData("/flux-ipadapter-faceid", 503)]
    [InlineData("/seedvr2", 500)]
    [InlineData("/flux-pulid", 500)]
    public async Task Inject_WorkflowFailureOnFaceAndUpscaleRoutes_UsesRouteHeuristic(string path, int status)
    {
        fake.Endpoint(path).Inject(FakeFault.WorkflowFailure);
        var body = new JsonObject { ["prompt"] = "p", ["reference_image"] = Wire.PngDataUrl(), ["image"] = Wire.PngDataUrl(), ["resolution"] = 64 };

        using var response = await http.PostJsonAsync(fake.Endpoint(path).Url, body);
        var json = await response.ReadJsonAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(["error", "details", "type"], json.Select(p => p.Key));
    }

    [Fact]
    public async Task Inject_NoneThenFault_FailsOnlyTheSecondCall()
    {
        var flux = fake.Endpoint("/flux").Inject(FakeFault.None).Inject(FakeFault.FunctionTerminated);

        using var first = await http.PostJsonAsync(flux.Url, Body);
        using var second = await http.PostJsonAsync(flux.Url, Body);
        using var third = await http.PostJsonAsync(flux.Url, Body);

        Assert.Equal(200, (int)first.StatusCode);
        await Wire.AssertPlainTextAsync(second, 500, "modal-http: internal error: function was terminated by signal");
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Equal(3, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task Inject_FunctionTimedOut_Answers500PlainTextAndCountsRun()
    {
        fake.Endpoint("/flux").Inject(FakeFault.FunctionTimedOut);

        using var response = await http.PostJsonAsync(fake.Endpoint("/flux").Url, Body);

        await Wire.AssertPlainTextAsync(response, 500, "modal-http: internal error: function execution timed out");
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Theory]
    [InlineData(FakeFault.RequestExpired, 408, "Missing request, possibly due to expiry or cancellation")]
    [InlineData(FakeFault.RateLimited, 429, "modal-http: rate limited")]
    [InlineData(FakeFault.ServiceUnavailable, 503, "modal-http: service unavailable")]
    [InlineData(FakeFault.InvalidFunctionCall, 404, "modal-http: invalid function call")]
    [InlineData(FakeFault.AppStopped, 404, "modal-http: app for invoked web endpoint is stopped")]
    [InlineData(FakeFault.MissingCredentials, 401, "modal-http: missing credentials for proxy authorization")]
    [InlineData(FakeFault.InvalidCredentials, 401, "modal-http: invalid credentials for proxy authorization")]
    public async Task Inject_PlatformRejection_AnswersPlainTextAndStartsNoRun(FakeFault fault, int status, string text)
    {
        fake.Endpoint("/z-image-simple").Inject(fault);

        using var response = await http.PostJsonAsync(fake.Endpoint("/z-image-simple").Url, Body);

        await Wire.AssertPlainTextAsync(response, status, text);
        Assert.Null(response.Header(FakeHeaders.FunctionCallId));
        Assert.Equal(1, fake.Journal.CallCount("/z-image-simple"));
        Assert.Equal(0, fake.Journal.GpuRunCount("/z-image-simple"));
    }

    [Fact]
    public async Task Inject_RateLimited_SendsRetryAfterSeconds()
    {
        fake.Endpoint("/flux").Inject(FakeFault.RateLimited, duration: TimeSpan.FromSeconds(7));

        using var response = await http.PostJsonAsync(fake.Endpoint("/flux").Url, Body);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Inject_ConnectionReset_ClientFailsButRunStarts()
    {
        fake.Endpoint("/flux").Inject(FakeFault.ConnectionReset);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostJsonAsync(fake.Endpoint("/flux").Url, Body));

        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task Inject_TruncatedBody_ReadingTheBodyFails()
    {
        fake.Endpoint("/flux").Inject(FakeFault.TruncatedBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.Endpoint("/flux").Url) { Content = new StringContent(Body) };

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var declared = response.Content.Headers.ContentLength;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotNull(declared);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
        Assert.IsAssignableFrom<IOException>(error.InnerException); // "The response ended prematurely"
    }

    [Fact]
    public async Task Inject_SlowBody_BodyTakesTheDuration()
    {
        fake.Endpoint("/flux").Inject(FakeFault.SlowBody, duration: TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.Endpoint("/flux").Url) { Content = new StringContent(Body) };

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var clock = Stopwatch.StartNew();
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(200), $"body took {clock.Elapsed}");
        Assert.True(Wire.IsPng(bytes));
    }

    [Fact]
    public async Task Inject_WrongMissingEmptyHtml_SpoilOnlyTheirCalls()
    {
        var flux = fake.Endpoint("/flux")
            .Inject(FakeFault.WrongContentType)
            .Inject(FakeFault.MissingContentType)
            .Inject(FakeFault.EmptyBody)
            .Inject(FakeFault.HtmlErrorPage);

        using var wrong = await http.PostJsonAsync(flux.Url, Body);
        using var missing = await http.PostJsonAsync(flux.Url, Body);
        using var empty = await http.PostJsonAsync(flux.Url, Body);
        using var html = await http.PostJsonAsync(flux.Url, Body);
        using var normal = await http.PostJsonAsync(flux.Url, Body);

        Assert.Equal("application/json", wrong.MediaType());
        Assert.True(Wire.IsPng(await wrong.Content.ReadAsByteArrayAsync()));
        Assert.Null(missing.MediaType());
        Assert.True(Wire.IsPng(await missing.Content.ReadAsByteArrayAsync()));
        Assert.Equal(200, (int)empty.StatusCode);
        Assert.Equal("image/jpeg", empty.MediaType());
        Assert.Empty(await empty.Content.ReadAsByteArrayAsync());
        Assert.Equal(200, (int)html.StatusCode);
        Assert.Equal("text/html", html.MediaType());
        Assert.StartsWith("<!DOCTYPE html>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("image/jpeg", normal.MediaType());
        Assert.Equal(5, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task Inject_ColdStart_AddsTimeAndRedirects()
    {
        var flux = fake.Endpoint("/flux").Inject(FakeFault.ColdStart, duration: TimeSpan.FromMilliseconds(50));

        using var cold = await http.PostJsonAsync(flux.Url, Body);
        using var result = await http.GetAsync(cold.Headers.Location);
        using var warm = await http.PostJsonAsync(flux.Url, Body);

        Assert.Equal(303, (int)cold.StatusCode);
        Assert.Equal(200, (int)result.StatusCode);
        Assert.Equal(200, (int)warm.StatusCode);
    }

    [Fact]
    public async Task InjectOnPoll_PlatformErrorOnSecondPoll_ThenCallStillCompletes()
    {
        var flux = fake.Endpoint("/flux");
        flux.GenerationTime = TimeSpan.FromMilliseconds(100);
        flux.InjectOnPoll(FakeFault.None).InjectOnPoll(FakeFault.ServiceUnavailable);

        using var post = await http.PostJsonAsync(flux.Url, Body);
        var location = post.Headers.Location!;
        using var poll1 = await http.GetAsync(location);
        using var poll2 = await http.GetAsync(location);
        using var poll3 = await http.GetAsync(location);
        using var poll4 = await http.GetAsync(location);

        Assert.Equal(303, (int)post.StatusCode);
        Assert.Equal(303, (int)poll1.StatusCode);
        await Wire.AssertPlainTextAsync(poll2, 503, "modal-http: service unavailable");
        Assert.Equal(303, (int)poll3.StatusCode);
        Assert.Equal(200, (int)poll4.StatusCode);
        Assert.Equal(4, fake.Journal.PollCount("/flux"));
    }

    [Fact]
    public async Task InjectOnPoll_ConnectionReset_NextPollStillWorks()
    {
        var flux = fake.Endpoint("/flux");
        flux.GenerationTime = TimeSpan.FromMilliseconds(50);
        flux.InjectOnPoll(FakeFault.ConnectionReset);

        using var post = await http.PostJsonAsync(flux.Url, Body);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(post.Headers.Location));
        using var retry = await http.GetAsync(post.Headers.Location);

        Assert.Equal(200, (int)retry.StatusCode);
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task InjectOnPoll_FunctionTerminated_EndsTheCall()
    {
        var flux = fake.Endpoint("/flux");
        flux.GenerationTime = TimeSpan.FromMilliseconds(50);
        flux.InjectOnPoll(FakeFault.FunctionTerminated);

        using var post = await http.PostJsonAsync(flux.Url, Body);
        using var poll = await http.GetAsync(post.Headers.Location);
        using var again = await http.GetAsync(post.Headers.Location);

        await Wire.AssertPlainTextAsync(poll, 500, "modal-http: internal error: function was terminated by signal");
        Assert.Equal(408, (int)again.StatusCode);
    }

    [Fact]
    public async Task Inject_TruncatedBodyAfterRedirect_SpoilsTheDeliveringPoll()
    {
        var flux = fake.Endpoint("/flux");
        flux.GenerationTime = TimeSpan.FromMilliseconds(50);
        flux.Inject(FakeFault.EmptyBody);

        using var post = await http.PostJsonAsync(flux.Url, Body);
        using var result = await http.GetAsync(post.Headers.Location);

        Assert.Equal(303, (int)post.StatusCode);
        Assert.Equal(200, (int)result.StatusCode);
        Assert.Empty(await result.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Inject_InvalidTimes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure, times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => fake.Endpoint("/flux").GenerationTime = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public void ClearFaults_AfterInjecting_EmptiesBothQueues()
    {
        var flux = fake.Endpoint("/flux").Inject(FakeFault.AppStopped, times: 2).InjectOnPoll(FakeFault.ConnectionReset);

        flux.ClearFaults();

        Assert.Equal(0, flux.PendingFaults);
        Assert.Equal(0, flux.PendingPollFaults);
    }
}
