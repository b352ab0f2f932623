using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Modal.Client.Testing.Tests;

public sealed class FakeModalDeploymentTests
{
    private const string CallIdQuery = "?__modal_function_call_id=";

    [Fact]
    public void Start_SinglePort_AllAppsShareLoopbackBaseUrl()
    {
        using var fake = FakeModalDeployment.Start();

        Assert.Equal("127.0.0.1", fake.BaseUrl.Host);
        Assert.NotEqual(0, fake.BaseUrl.Port);
        Assert.Equal(ModalApp.All.Select(a => a.Name).Order(), fake.AppUrls.Keys.Order());
        Assert.All(fake.AppUrls.Values, url => Assert.Equal(fake.BaseUrl, url));
        Assert.Equal(21, fake.Endpoints.Count);
    }

    [Fact]
    public void Start_PortPerApp_SixDistinctPortsAndNoBaseUrl()
    {
        using var fake = FakeModalDeployment.Start(new() { PortPerApp = true });

        Assert.Equal(6, fake.AppUrls.Values.Select(u => u.Port).Distinct().Count());
        Assert.All(fake.AppUrls.Values, url => Assert.Equal("127.0.0.1", url.Host));
        var error = Assert.Throws<InvalidOperationException>(() => fake.BaseUrl);
        Assert.Contains("AppUrls", error.Message, StringComparison.Ordinal);
        Assert.Equal(fake.AppUrls["ryla-qwen-image"].Port, fake.Endpoint("/video-faceswap").Url.Port);
        Assert.Equal(fake.AppUrls["ryla-instantid"].Port, fake.Endpoint("flux-pulid").Url.Port);
    }

    [Fact]
    public void Start_InvalidSyncLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.Zero }));
    }

    [Fact]
    public void Endpoint_UnknownPath_ThrowsListingKnownPaths()
    {
        using var fake = FakeModalDeployment.Start();

        var error = Assert.Throws<ArgumentException>(() => fake.Endpoint("/wan2"));

        Assert.Contains("/wan2.6", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ryla-flux", "/video-faceswap")]
    [InlineData("ryla-flux", "/sdxl-instantid")]
    [InlineData("ryla-qwen-image", "/flux")]
    [InlineData("ryla-seedvr2", "/wan2.6")]
    [InlineData("ryla-wan26", "/seedvr2")]
    public async Task Post_EndpointOnAnotherAppsPort_Answers404NotFound(string app, string path)
    {
        using var fake = FakeModalDeployment.Start(new() { PortPerApp = true });
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(new Uri(fake.AppUrls[app], path), """{"prompt":"p"}""");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, fake.Journal.CallCount(path));
    }

    [Fact]
    public async Task Post_EndpointOnItsOwnAppsPort_Answers200()
    {
        using var fake = FakeModalDeployment.Start(new() { PortPerApp = true });
        using var http = Wire.Client();
        var body = new JsonObject { ["source_video"] = Wire.Mp4Base64(), ["reference_image"] = Wire.PngDataUrl() };

        using var response = await http.PostJsonAsync(new Uri(fake.AppUrls["ryla-qwen-image"], "/video-faceswap"), body);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ryla-qwen-image", fake.Journal.Requests("/video-faceswap").Single().App);
    }

    [Fact]
    public async Task GetHealth_PortPerApp_NamesEachApp()
    {
        using var fake = FakeModalDeployment.Start(new() { PortPerApp = true });
        using var http = Wire.Client();

        foreach (var (app, url) in fake.AppUrls)
        {
            using var response = await http.GetAsync(new Uri(url, "/health"));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal($$"""{"status":"healthy","app":"{{app}}"}""", await response.Content.ReadAsStringAsync());
            Assert.StartsWith("fc-", response.Header(FakeHeaders.FunctionCallId), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetOpenApi_PortPerApp_ListsOnlyThatAppsRoutes()
    {
        using var fake = FakeModalDeployment.Start(new() { PortPerApp = true });
        using var http = Wire.Client();

        using var response = await http.GetAsync(new Uri(fake.AppUrls["ryla-instantid"], "/openapi.json"));
        var json = await response.ReadJsonAsync();

        Assert.Equal("3.1.0", json["openapi"]!.GetValue<string>());
        var paths = json["paths"]!.AsObject().Select(p => p.Key).Order().ToArray();
        Assert.Equal(["/flux-ipadapter-faceid", "/flux-pulid", "/health", "/sdxl-instantid"], paths);
        Assert.NotNull(json["paths"]!["/flux-pulid"]!["post"]);
        Assert.NotNull(json["paths"]!["/health"]!["get"]);
    }

    [Fact]
    public async Task GetOpenApi_SinglePort_ListsThe19LiveRoutesAndHealth()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();

        using var health = await http.GetAsync(new Uri(fake.BaseUrl, "/health"));
        var json = await (await http.GetAsync(new Uri(fake.BaseUrl, "/openapi.json"))).ReadJsonAsync();

        Assert.Equal(20, json["paths"]!.AsObject().Count);
        Assert.Equal("healthy", (await health.ReadJsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetOpenApi_ServeDeletedSdxlRoutes_ListsAll21RoutesAndHealth()
    {
        using var fake = FakeModalDeployment.Start(new() { ServeDeletedSdxlRoutes = true });
        using var http = Wire.Client();

        var json = await (await http.GetAsync(new Uri(fake.BaseUrl, "/openapi.json"))).ReadJsonAsync();

        Assert.Equal(22, json["paths"]!.AsObject().Count);
        Assert.True(json["paths"]!.AsObject().ContainsKey("/sdxl-lightning"));
    }

    [Fact]
    public async Task Post_SdxlTurboByDefault_Answers404LikeLiveApp()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();

        using var turbo = await http.PostJsonAsync(fake.Endpoint("/sdxl-turbo").Url, """{"prompt":"p"}""");
        using var lightning = await http.PostJsonAsync(fake.Endpoint("/sdxl-lightning").Url, """{"prompt":"p"}""");
        var openApi = await (await http.GetAsync(new Uri(fake.BaseUrl, "/openapi.json"))).ReadJsonAsync();

        Assert.Equal(404, (int)turbo.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await turbo.Content.ReadAsStringAsync());
        Assert.Equal(404, (int)lightning.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await lightning.Content.ReadAsStringAsync());
        Assert.False(openApi["paths"]!.AsObject().ContainsKey("/sdxl-turbo"));
        Assert.Equal(0, fake.Journal.GpuRunCount("/sdxl-turbo"));
    }

    [Fact]
    public async Task Post_SdxlTurboWithServeDeletedSdxlRoutes_Answers200()
    {
        using var fake = FakeModalDeployment.Start(new() { ServeDeletedSdxlRoutes = true });
        using var http = Wire.Client();

        using var turbo = await http.PostJsonAsync(fake.Endpoint("/sdxl-turbo").Url, """{"prompt":"p","width":64,"height":64}""");

        Assert.Equal(200, (int)turbo.StatusCode);
        Assert.Equal(1, fake.Journal.GpuRunCount("/sdxl-turbo"));
    }

    [Fact]
    public async Task Request_UnknownPathOrWrongMethod_AnswersFastApiDefaults()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();

        using var unknown = await http.PostJsonAsync(new Uri(fake.BaseUrl, "/workflow"), "{}");
        using var get = await http.GetAsync(fake.Endpoint("/flux").Url);

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(405, (int)get.StatusCode);
        Assert.Equal("""{"detail":"Method Not Allowed"}""", await get.Content.ReadAsStringAsync());
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Post_LongerThanSyncLimit_Answers303ChainThen200ThenResultUrlExpires()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(40) });
        fake.Endpoint("/flux").GenerationTime = TimeSpan.FromMilliseconds(100); // 40 + 40 + 20: two 303 hops
        using var http = Wire.Client();
        var url = fake.Endpoint("/flux").Url;

        using var first = await http.PostJsonAsync(url, """{"prompt":"p","width":64,"height":64}""");
        Assert.Equal(303, (int)first.StatusCode);
        var location = first.Headers.Location!;
        var callId = first.Header(FakeHeaders.FunctionCallId)!;
        Assert.Equal(new Uri(url + CallIdQuery + callId), location);
        Assert.Matches("^fc-[0-9A-Z]{26}$", callId);

        using var second = await http.GetAsync(location);
        Assert.Equal(303, (int)second.StatusCode);
        Assert.Equal(location, second.Headers.Location);
        Assert.Equal(callId, second.Header(FakeHeaders.FunctionCallId));

        using var third = await http.GetAsync(location);
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Equal("image/jpeg", third.MediaType());
        Assert.True(Wire.IsPng(await third.Content.ReadAsByteArrayAsync()));
        Assert.Equal(callId, third.Header(FakeHeaders.FunctionCallId));

        using var again = await http.GetAsync(location);
        await Wire.AssertPlainTextAsync(again, 408, "Missing request, possibly due to expiry or cancellation");

        Assert.Equal(1, fake.Journal.CallCount("/flux"));
        Assert.Equal(3, fake.Journal.PollCount("/flux"));
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task Post_ExactlySyncLimit_Answers200WithoutRedirect()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(30), DefaultGenerationTime = TimeSpan.FromMilliseconds(30) });
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(fake.Endpoint("/z-image-danrisi").Url, """{"prompt":"p","width":256,"height":256}""");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Post_WithAutoRedirectClient_FollowsChainToResult()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(20), DefaultGenerationTime = TimeSpan.FromMilliseconds(70) });
        using var http = Wire.Client(followRedirects: true);

        using var response = await http.PostJsonAsync(fake.Endpoint("/wan2.6").Url, """{"prompt":"p","width":32,"height":32,"length":5}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(Wire.IsAnimatedWebP(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(3, fake.Journal.PollCount("/wan2.6"));
        Assert.All(fake.Journal.Requests("/wan2.6").Where(r => r.IsResultPoll), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Post_ToResultUrl_Answers400BadRedirectMethod()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(20), DefaultGenerationTime = TimeSpan.FromMilliseconds(50) });
        using var http = Wire.Client();
        using var first = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");

        using var repost = await http.PostJsonAsync(first.Headers.Location!, """{"prompt":"p"}""");

        await Wire.AssertPlainTextAsync(repost, 400, "modal-http: bad redirect method");
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task Get_UnknownCallId_Answers408()
    {
        using var fake = FakeModalDeployment.Start();
        using var http = Wire.Client();

        using var response = await http.GetAsync(new Uri(fake.Endpoint("/flux").Url + CallIdQuery + "fc-UNKNOWN"));

        await Wire.AssertPlainTextAsync(response, 408, "Missing request, possibly due to expiry or cancellation");
    }

    [Fact]
    public async Task Post_WorkflowFailureAfterRedirect_DeliversErrorOnResultUrl()
    {
        using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(20), DefaultGenerationTime = TimeSpan.FromMilliseconds(30) });
        fake.Endpoint("/sdxl-instantid").Inject(FakeFault.WorkflowFailure);
        using var http = Wire.Client();

        using var first = await http.PostJsonAsync(fake.Endpoint("/sdxl-instantid").Url, new JsonObject { ["prompt"] = "p", ["reference_image"] = Wire.PngDataUrl() });
        using var result = await http.GetAsync(first.Headers.Location);
        var json = await result.ReadJsonAsync();

        Assert.Equal(303, (int)first.StatusCode);
        Assert.Equal(503, (int)result.StatusCode);
        Assert.StartsWith("Both API and infer methods failed.", json["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithFakeTimeProvider_HoldsUntilTimeAdvancesAndRedirectsAt150Seconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 6, 13, 12, 0, TimeSpan.Zero));
        using var fake = FakeModalDeployment.Start(new() { TimeProvider = time, DefaultGenerationTime = TimeSpan.FromMinutes(3) });
        using var http = Wire.Client();

        var call = http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");
        await Task.Delay(50);
        Assert.False(call.IsCompleted);
        while (!call.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(150));
            await Task.WhenAny(call, Task.Delay(20));
        }

        using var response = await call;
        Assert.Equal(303, (int)response.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 2, 6, 13, 12, 0, TimeSpan.Zero), fake.Journal.All.Single().ReceivedAt);
    }

    [Fact]
    public async Task Request_ProxyAuthRequired_Answers401WithoutOrWithWrongCredentials()
    {
        using var fake = FakeModalDeployment.Start(new() { ProxyAuthKey = "wk-1", ProxyAuthSecret = "ws-1" });
        using var http = Wire.Client();
        var url = fake.Endpoint("/flux").Url;

        using var missing = await http.PostJsonAsync(url, """{"prompt":"p","width":64,"height":64}""");
        using var wrong = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("""{"prompt":"p"}""") };
        wrong.Headers.Add("Modal-Key", "wk-1");
        wrong.Headers.Add("Modal-Secret", "ws-2");
        using var wrongResponse = await http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("""{"prompt":"p","width":64,"height":64}""") };
        right.Headers.Add("Modal-Key", "wk-1");
        right.Headers.Add("Modal-Secret", "ws-1");
        using var rightResponse = await http.SendAsync(right);

        await Wire.AssertPlainTextAsync(missing, 401, "modal-http: missing credentials for proxy authorization");
        await Wire.AssertPlainTextAsync(wrongResponse, 401, "modal-http: invalid credentials for proxy authorization");
        Assert.Equal(200, (int)rightResponse.StatusCode);
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task Reset_AfterFaultsAndCalls_ForgetsEverything()
    {
        using var fake = FakeModalDeployment.Start();
        fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure, times: 3);
        using var http = Wire.Client();
        using var failed = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");
        fake.Endpoint("/flux").GenerationTime = TimeSpan.FromMinutes(5);

        fake.Reset();
        using var ok = await http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p","width":64,"height":64}""");

        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal(0, fake.Endpoint("/flux").PendingFaults);
        Assert.Null(fake.Endpoint("/flux").GenerationTime);
        Assert.Equal(1, fake.Journal.CallCount("/flux"));
    }

    [Fact]
    public async Task DisposeAsync_WhileRequestHeld_AbortsIt()
    {
        var fake = FakeModalDeployment.Start(new() { DefaultGenerationTime = TimeSpan.FromMinutes(1) });
        using var http = Wire.Client();
        var call = http.PostJsonAsync(fake.Endpoint("/flux").Url, """{"prompt":"p"}""");
        await Task.Delay(100);

        await fake.DisposeAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => call);
    }
}
