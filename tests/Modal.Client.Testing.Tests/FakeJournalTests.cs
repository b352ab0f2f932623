using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Modal.Client.Testing.Tests;

public sealed class FakeJournalTests
{
    [Fact]
    public async Task GpuRunCount_200ConcurrentCalls_CountsEachOnce()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();
        var url = fake.Endpoint("/z-image-danrisi").Url;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            http.PostJsonAsync(url, $$"""{"prompt":"p{{i}}","seed":{{i}},"width":256,"height":256}""")));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(200, fake.Journal.CallCount("/z-image-danrisi"));
        Assert.Equal(200, fake.Journal.GpuRunCount("/z-image-danrisi"));
        Assert.Equal(200, fake.Journal.Requests("/z-image-danrisi").Count);
        Assert.Equal(200, fake.Journal.Requests("/z-image-danrisi").Select(r => r.FunctionCallId).Distinct().Count());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task PeakGpuRunsInFlightCount_ThreeHeldRunsOnOneApp_PeaksAtThreeAndEndsAtZero()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 6, 13, 12, 0, TimeSpan.Zero));
        using var fake = FakeModalDeployment.Start(new() { TimeProvider = time, DefaultGenerationTime = TimeSpan.FromSeconds(10) });
        using var http = Wire.Client();

        var calls = new[] { "/flux", "/flux-dev", "/flux" }
            .Select(path => http.PostJsonAsync(fake.Endpoint(path).Url, """{"prompt":"p","width":64,"height":64}"""))
            .ToList();
        for (var i = 0; i < 500 && fake.Journal.GpuRunsInFlightCount("ryla-flux") < 3; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(3, fake.Journal.GpuRunsInFlightCount("ryla-flux"));
        time.Advance(TimeSpan.FromSeconds(10));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(0, fake.Journal.GpuRunsInFlightCount("ryla-flux"));
        Assert.Equal(3, fake.Journal.PeakGpuRunsInFlightCount("ryla-flux"));
        Assert.Equal(0, fake.Journal.PeakGpuRunsInFlightCount("ryla-z-image"));
        fake.Journal.Reset();
        Assert.Equal(0, fake.Journal.PeakGpuRunsInFlightCount("ryla-flux"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task GpuRunCount_ValidationAndPlatformRejections_DoNotCount()
    {
        using var fake = FakeModalDeployment.Start(new() { KnownLoras = ["character-1"] });
        using var http = Wire.Client();
        fake.Endpoint("/flux-dev-lora").Inject(FakeFault.None).Inject(FakeFault.RateLimited).Inject(FakeFault.None).Inject(FakeFault.WorkflowFailure);
        var url = fake.Endpoint("/flux-dev-lora").Url;

        using var noLora = await http.PostJsonAsync(url, """{"prompt":"p"}""");
        using var limited = await http.PostJsonAsync(url, """{"prompt":"p","lora_id":1}""");
        using var noPrompt = await http.PostJsonAsync(url, """{"lora_id":1}""");
        using var failed = await http.PostJsonAsync(url, """{"prompt":"p","lora_id":1,"width":64,"height":64}""");
        using var ok = await http.PostJsonAsync(url, """{"prompt":"p","lora_id":1,"width":64,"height":64}""");

        Assert.Equal([400, 429, 500, 500, 200], new[] { noLora, limited, noPrompt, failed, ok }.Select(r => (int)r.StatusCode));
        Assert.Equal(5, fake.Journal.CallCount("/flux-dev-lora"));
        Assert.Equal(2, fake.Journal.GpuRunCount("/flux-dev-lora"));
        Assert.Equal(2, fake.Journal.TotalGpuRunCount);
    }

    [Fact]
    public async Task Requests_RecordsMethodPathHeadersAndJsonBody()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.Endpoint("flux").Url)
        {
            Content = new StringContent("""{"prompt":"a fox","seed":3,"width":64,"height":64}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Trace", "abc");

        using var response = await http.SendAsync(request);
        var entry = Assert.Single(fake.Journal.Requests("flux"));
        var json = entry.BodyAsJson()!;

        Assert.Equal("POST", entry.Method);
        Assert.Equal("/flux", entry.Path);
        Assert.Equal("/flux", entry.PathAndQuery);
        Assert.Equal("abc", entry.Headers["x-trace"]);
        Assert.StartsWith("application/json", entry.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("a fox", json["prompt"]!.GetValue<string>());
        Assert.Equal(3, json["seed"]!.GetValue<int>());
        Assert.False(entry.IsResultPoll);
        Assert.Equal(response.Header(FakeHeaders.FunctionCallId), entry.FunctionCallId);
        Assert.Null(entry.App);
        json["prompt"] = "changed";
        Assert.Equal("a fox", entry.BodyAsJson()!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_ResultPolls_AreMarkedWithTheirCallId()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(20), DefaultGenerationTime = TimeSpan.FromMilliseconds(30) });
        using var http = Wire.Client();

        using var post = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");
        using var poll = await http.GetAsync(post.Headers.Location);
        var entries = fake.Journal.Requests("/flux");

        Assert.Equal(2, entries.Count);
        Assert.True(entries[1].IsResultPoll);
        Assert.Equal("GET", entries[1].Method);
        Assert.Equal(entries[0].FunctionCallId, entries[1].FunctionCallId);
        Assert.EndsWith(entries[0].FunctionCallId!, entries[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, fake.Journal.PollCount("/flux"));
    }

    [Fact]
    public async Task Reset_ClearsEntriesAndCounters()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();
        using var response = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");

        fake.Journal.Reset();

        Assert.Empty(fake.Journal.All);
        Assert.Equal(0, fake.Journal.CallCount("/flux"));
        Assert.Equal(0, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public void Counts_UnknownPath_AreZeroAndListsEmpty()
    {
        using var fake = FakeModalDeployment.Start();

        Assert.Equal(0, fake.Journal.RequestCount("/nothing"));
        Assert.Equal(0, fake.Journal.CallCount("/nothing"));
        Assert.Equal(0, fake.Journal.PollCount("/nothing"));
        Assert.Equal(0, fake.Journal.GpuRunCount("/nothing"));
        Assert.Empty(fake.Journal.Requests("/nothing"));
        Assert.Empty(fake.Journal.Calls("/nothing"));
        Assert.Empty(fake.Journal.Polls("/nothing"));
    }

    [Fact]
    public async Task CallsAndPolls_LongCall_SplitTheRequestsAndEachCountIsItsListsCount()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(20), DefaultGenerationTime = TimeSpan.FromMilliseconds(30) });
        using var http = Wire.Client();

        using var post = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"a fox","width":64,"height":64}""");
        using var poll = await http.GetAsync(post.Headers.Location);
        using var wrongMethod = await http.GetAsync(fake.Endpoint("/flux").Url);

        Assert.Equal(303, (int)post.StatusCode);
        Assert.Equal(405, (int)wrongMethod.StatusCode);
        Assert.Equal("a fox", fake.Journal.Calls("/flux")[0].BodyAsJson()!["prompt"]!.GetValue<string>());
        Assert.Equal(["POST"], fake.Journal.Calls("/flux").Select(r => r.Method));
        Assert.Equal(["GET"], fake.Journal.Polls("/flux").Select(r => r.Method));
        Assert.Equal(["POST", "GET", "GET"], fake.Journal.Requests("flux").Select(r => r.Method));
        Assert.Equal(1, fake.Journal.CallCount("/flux"));
        Assert.Equal(1, fake.Journal.PollCount("/flux"));
        Assert.Equal(3, fake.Journal.RequestCount("/flux"));
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
        Assert.Equal(fake.Journal.Calls("/flux")[0].FunctionCallId, fake.Journal.Polls("/flux")[0].FunctionCallId);
    }
}
