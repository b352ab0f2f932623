using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modal.Client.Internal;
using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Modal.Client.Tests;

/// <summary>Routing (workspace URLs, one base URL, per-app overrides), options validation and DI registration.</summary>
public sealed class OptionsAndRoutingTests
{
    /// <summary>
    /// The options services a call uses are registered closed (no generic types built at run time, which Native AOT
    /// does slowly); they behave as Microsoft.Extensions.Options' own, and an application's own registration wins.
    /// </summary>
    [Fact]
    public void AddModalClient_RegistersTheOptionsServicesItUsesClosed_AndKeepsAnApplicationsOwn()
    {
        var services = new ServiceCollection();
        var own = new StaticOptionsMonitor<Microsoft.Extensions.Logging.LoggerFilterOptions>(new() { MinLevel = Microsoft.Extensions.Logging.LogLevel.Error });
        services.AddSingleton<IOptionsMonitor<Microsoft.Extensions.Logging.LoggerFilterOptions>>(own);
        services.AddModalClient(o => o.Workspace = "ryla");
        services.Configure<Microsoft.Extensions.Http.HttpClientFactoryOptions>("named", o => o.SuppressHandlerScope = true);

        Assert.Contains(services, d => d.ServiceType == typeof(IOptionsMonitor<ModalClientOptions>));
        Assert.Contains(services, d => d.ServiceType == typeof(IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IOptionsMonitor<Microsoft.Extensions.Logging.LoggerFilterOptions>));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Equal("ryla", provider.GetRequiredService<IOptionsMonitor<ModalClientOptions>>().CurrentValue.Workspace);
        Assert.Same(provider.GetRequiredService<IOptionsMonitor<ModalClientOptions>>(), provider.GetRequiredService<IOptionsMonitor<ModalClientOptions>>());
        Assert.True(provider.GetRequiredService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>().Get("named").SuppressHandlerScope);
        Assert.Same(own, provider.GetRequiredService<IOptionsMonitor<Microsoft.Extensions.Logging.LoggerFilterOptions>>());
    }

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    [Theory]
    [InlineData("ryla", "ryla-flux", "https://ryla--ryla-flux-comfyui-fastapi-app.modal.run/")]
    [InlineData("ryla", "ryla-instantid", "https://ryla--ryla-instantid-comfyui-fastapi-app.modal.run/")]
    [InlineData("Acme", "ryla-wan26", "https://acme--ryla-wan26-comfyui-fastapi-app.modal.run/")]
    public void Workspace_ComposesContractUrl(string workspace, string app, string expected)
    {
        ModalApp.TryFind(app, out var modalApp);
        var options = new ModalClientOptions { Workspace = workspace };

        Assert.Equal(new Uri(expected), AppUrlResolver.Resolve(options, modalApp!));
    }

    [Fact]
    public void Resolve_PerAppOverride_WinsOverBaseUrlAndWorkspace()
    {
        var options = new ModalClientOptions { Workspace = "ryla", BaseUrl = new Uri("https://gateway.example/modal") };
        options.AppUrls["ryla-flux"] = new Uri("https://ryla-dev--ryla-flux-comfyui-fastapi-app-dev.modal.run");

        Assert.Equal(new Uri("https://ryla-dev--ryla-flux-comfyui-fastapi-app-dev.modal.run/"), AppUrlResolver.Resolve(options, ModalApp.Flux));
        Assert.Equal(new Uri("https://gateway.example/modal/"), AppUrlResolver.Resolve(options, ModalApp.ZImage));
    }

    [Fact]
    public void Combine_KeepsBasePathPrefix()
        => Assert.Equal(
            new Uri("https://gateway.example/modal/wan2.6"),
            AppUrlResolver.Combine(new Uri("https://gateway.example/modal/"), "/wan2.6"));

    [Fact]
    public void Route_SameOptionsAppAndPath_ReturnsTheUriBuiltOnce()
    {
        var options = new ModalClientOptions { BaseUrl = new Uri("https://gateway.example/modal") };

        var first = ModalRoutingHandler.Route(options, ModalApp.Flux, "/flux");
        var second = ModalRoutingHandler.Route(options, ModalApp.Flux, "/flux");

        Assert.Equal(new Uri("https://gateway.example/modal/flux"), first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Route_NewOptionsInstance_UsesItsOwnBaseUrl()
    {
        var before = ModalRoutingHandler.Route(new ModalClientOptions { BaseUrl = new Uri("https://one.example/") }, ModalApp.Flux, "/flux");

        var after = ModalRoutingHandler.Route(new ModalClientOptions { BaseUrl = new Uri("https://two.example/") }, ModalApp.Flux, "/flux");

        Assert.Equal(new Uri("https://one.example/flux"), before);
        Assert.Equal(new Uri("https://two.example/flux"), after);
    }

    [Fact]
    public void Route_NoUrlConfigured_ThrowsNamingTheSettings()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ModalRoutingHandler.Route(new ModalClientOptions(), ModalApp.Flux, "/flux"));

        Assert.Equal(
            "No URL is configured for the Modal app 'ryla-flux'. Set ModalClientOptions.Workspace, BaseUrl or AppUrls[\"ryla-flux\"].",
            ex.Message);
    }

    [Fact]
    public void FamilyClient_ResolvedOnFirstUse_IsTheSameInstanceAfterwards()
    {
        var services = new ServiceCollection();
        services.AddModalClient(o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
        using var provider = services.BuildServiceProvider();
        var modal = provider.GetRequiredService<IModalClient>();

        var first = modal.Video;
        var second = modal.Video;

        Assert.Same(first, second);
        Assert.IsType<VideoClient>(first);
    }

    [Fact]
    public async Task BaseUrl_OneUrlForEveryApp_WithPathPrefix()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/gw/seedvr2").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody(TestMedia.Png()));
        var services = new ServiceCollection();
        services.AddModalClient(o => o.BaseUrl = new Uri(server.Url + "/gw"));
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IModalClient>().Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = TestMedia.PngMedia() });

        Assert.Equal("/seedvr2", result.Endpoint?.Path);
        Assert.Equal("/gw/seedvr2", Assert.Single(server.LogEntries).RequestMessage!.Path);
    }

    [Fact]
    public async Task Configuration_BindsWorkspaceAppUrlsAndTimeouts()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/flux").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestMedia.Png()));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modal:Workspace"] = "ryla",
            ["Modal:AppUrls:ryla-flux"] = server.Url,
            ["Modal:Timeout"] = "00:20:00",
            ["Modal:EndpointTimeouts:/seedvr2"] = "00:30:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddModalClient(configuration.GetSection(ModalClientOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ModalClientOptions>>().Value;
        await provider.GetRequiredService<IModalClient>().Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" });

        Assert.Equal("ryla", options.Workspace);
        Assert.Equal(TimeSpan.FromMinutes(20), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(30), options.BudgetFor(ModalCatalog.GetCallable("/seedvr2")));
        Assert.Equal(TimeSpan.FromMinutes(20), options.BudgetFor(ModalCatalog.GetCallable("/flux")));
        Assert.Single(server.LogEntries);
    }

    [Fact]
    public void AddModalClient_Twice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddModalClient(o => o.Workspace = "ryla");
        var count = services.Count;
        services.AddModalClient(o => o.Timeout = TimeSpan.FromMinutes(9));

        Assert.Equal(count + 1, services.Count);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ModalClientOptions>>().Value;
        Assert.Equal("ryla", options.Workspace);
        Assert.Equal(TimeSpan.FromMinutes(9), options.Timeout);
        Assert.NotNull(provider.GetRequiredService<IModalClient>().Video);
    }

    public static TheoryData<string, Action<ModalClientOptions>, string> InvalidOptions() => new()
    {
        { "nothing configured", _ => { }, "No URL for the app(s)" },
        { "bad workspace", o => o.Workspace = "ry la!", "Workspace must be a Modal workspace name" },
        { "workspace with an outer hyphen", o => o.Workspace = "ryla-", "Workspace must be a Modal workspace name" },
        { "label too long", o => o.Workspace = new string('w', 30), "more than DNS allows (63)" },
        { "no concurrency", o => { o.Workspace = "ryla"; o.MaxConcurrentCallsPerApp = 0; }, "MaxConcurrentCallsPerApp must be between 1 and 1000 (it is 0)." },
        { "too many retries", o => { o.Workspace = "ryla"; o.Retry.MaxRetryAttempts = 11; }, "Retry.MaxRetryAttempts must be between 0 and 10 (it is 11)." },
        { "negative poll retries", o => { o.Workspace = "ryla"; o.Retry.MaxPollRetries = -1; }, "Retry.MaxPollRetries must be between 0 and 20 (it is -1)." },
        { "breaker ratio 0", o => { o.Workspace = "ryla"; o.CircuitBreaker.FailureRatio = 0; }, "CircuitBreaker.FailureRatio must be between 0.01 and 1 (it is 0), for example 0.5." },
        { "breaker throughput 1", o => { o.Workspace = "ryla"; o.CircuitBreaker.MinimumThroughput = 1; }, "CircuitBreaker.MinimumThroughput must be between 2 and 10000 (it is 1)." },
        { "breaker sampling over a day", o => { o.Workspace = "ryla"; o.CircuitBreaker.SamplingDuration = TimeSpan.FromDays(2); }, "CircuitBreaker.SamplingDuration is 2.00:00:00; use 0.5 s to 1 day, for example 00:01:00." },
        { "breaker break over a day", o => { o.Workspace = "ryla"; o.CircuitBreaker.BreakDuration = TimeSpan.FromDays(2); }, "CircuitBreaker.BreakDuration is 2.00:00:00; use 0.5 s to 1 day, for example 00:00:30." },
        { "poll timeout under 10 ms", o => { o.Workspace = "ryla"; o.ResultPollTimeout = TimeSpan.FromMilliseconds(5); }, "ResultPollTimeout is 00:00:00.0050000; use 10 ms to 1 day, for example 00:03:00." },
        { "poll timeout over a day", o => { o.Workspace = "ryla"; o.ResultPollTimeout = TimeSpan.FromDays(2); }, "ResultPollTimeout is 2.00:00:00; use 10 ms to 1 day, for example 00:03:00." },
        { "non-http base url", o => o.BaseUrl = new Uri("ftp://example.com/"), "must be an absolute http or https URL" },
        { "credentials in url", o => o.BaseUrl = new Uri("http://user:secret@example.com/"), "carries credentials in the URL" },
        { "unknown app key", o => { o.Workspace = "ryla"; o.AppUrls["ryla-nope"] = new Uri("https://x.example/"); }, "'ryla-nope', which is not a Modal app" },
        { "zero timeout", o => { o.Workspace = "ryla"; o.Timeout = TimeSpan.Zero; }, "Timeout is 00:00:00" },
        { "negative endpoint timeout", o => { o.Workspace = "ryla"; o.EndpointTimeouts["/flux"] = TimeSpan.FromSeconds(-1); }, "EndpointTimeouts[\"/flux\"]" },
        { "unknown endpoint timeout", o => { o.Workspace = "ryla"; o.EndpointTimeouts["/wan2"] = TimeSpan.FromMinutes(1); }, "'/wan2', which is not a current endpoint" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptions_FailOnFirstUse_WithMessageNamingTheFix(string _, Action<ModalClientOptions> configure, string expected)
    {
        var services = new ServiceCollection();
        services.AddModalClient(configure);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModalClientOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongWorkspace_WithExplicitAppUrls_IsAccepted()
    {
        var services = new ServiceCollection();
        services.AddModalClient(o =>
        {
            o.Workspace = new string('w', 30);
            foreach (var app in ModalApp.All)
            {
                o.AppUrls[app.Name] = new Uri($"https://{app.Name}.example/");
            }
        });
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IOptions<ModalClientOptions>>().Value);
    }
}
