using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Tests;

public sealed class FakeJournalTests
{
    [Fact]
    public async Task GpuRunsStarted_200ConcurrentCalls_CountsEachOnce()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();
        var url = fake.Endpoint("/z-image-danrisi").Url;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            http.PostJsonAsync(url, $$"""{"prompt":"p{{i}}","seed":{{i}},"width":256,"height":256}""")));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(200, fake.Journal.Requests("/z-image-danrisi"));
        Assert.Equal(200, fake.Journal.GpuRunsStarted("/z-image-danrisi"));
        Assert.Equal(200, fake.Journal.Received("/z-image-danrisi").Count);
        Assert.Equal(200, fake.Journal.Received("/z-image-danrisi").Select(r => r.FunctionCallId).Distinct().Count());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task GpuRunsStarted_ValidationAndPlatformRejections_DoNotCount()
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
        Assert.Equal(5, fake.Journal.Requests("/flux-dev-lora"));
        Assert.Equal(2, fake.Journal.GpuRunsStarted("/flux-dev-lora"));
        Assert.Equal(2, fake.Journal.TotalGpuRunsStarted);
    }

    [Fact]
    public async Task Received_RecordsMethodPathHeadersAndJsonBody()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.Endpoint("flux").Url)
        {
            Content = new StringContent("""{"prompt":"a fox","seed":3,"width":64,"height":64}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Trace", "abc");

        using var response = await http.SendAsync(request);
        var entry = Assert.Single(fake.Journal.Received("flux"));
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
    public async Task Received_ResultPolls_AreMarkedWithTheirCallId()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(20), DefaultGenerationTime = TimeSpan.FromMilliseconds(30) });
        using var http = Wire.Client();

        using var post = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");
        using var poll = await http.GetAsync(post.Headers.Location);
        var entries = fake.Journal.Received("/flux");

        Assert.Equal(2, entries.Count);
        Assert.True(entries[1].IsResultPoll);
        Assert.Equal("GET", entries[1].Method);
        Assert.Equal(entries[0].FunctionCallId, entries[1].FunctionCallId);
        Assert.EndsWith(entries[0].FunctionCallId!, entries[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, fake.Journal.Polls("/flux"));
    }

    [Fact]
    public async Task Reset_ClearsEntriesAndCounters()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();
        using var response = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");

        fake.Journal.Reset();

        Assert.Empty(fake.Journal.All);
        Assert.Equal(0, fake.Journal.Requests("/flux"));
        Assert.Equal(0, fake.Journal.GpuRunsStarted("/flux"));
    }

    [Fact]
    public void Counters_UnknownPath_AreZero()
    {
        using var fake = FakeModalDeployment.Start();

        Assert.Equal(0, fake.Journal.Requests("/nothing"));
        Assert.Equal(0, fake.Journal.Polls("/nothing"));
        Assert.Empty(fake.Journal.Received("/nothing"));
    }
}
