using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modal.Client.WebApi.Tests;

/// <summary>The sample with no Modal configuration at all: it answers from its embedded fake deployment and says so at start.</summary>
public sealed class OfflineModeTests : IDisposable
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly LogLines _logs = new();
    private readonly WebApplicationFactory<Program> _factory;

    public OfflineModeTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_logs)));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task GetImages_NoModalConfiguration_ReturnsPngFromTheEmbeddedFake()
    {
        using var http = _factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/images?prompt=a%20fox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(PngMagic));
        Assert.Equal("/z-image-danrisi", string.Join(",", response.Headers.GetValues("x-modal-endpoint")));
    }

    [Fact]
    public void Start_NoModalConfiguration_LogsThatItCallsTheEmbeddedFakeAndHowToCallAWorkspace()
    {
        using var http = _factory.CreateClient();

        var line = Assert.Single(_logs.Lines, l => l.Contains("embedded fake Modal deployment at http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains("Modal__Workspace=ryla", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Workspace_LogsEachAppsUrl()
    {
        using var factory = _factory.WithWebHostBuilder(builder => builder.UseSetting("Modal:Workspace", "ryla"));
        using var http = factory.CreateClient();

        Assert.Contains("Modal.Client calls ryla-flux at https://ryla--ryla-flux-comfyui-fastapi-app.modal.run", _logs.Lines);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("embedded fake", StringComparison.Ordinal));
    }

    /// <summary>Collects formatted log messages from every category.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
