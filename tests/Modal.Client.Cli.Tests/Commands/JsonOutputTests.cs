using System.Text.Json;
using Modal.Client.Cli.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Commands;

/// <summary>--json: standard output is one JSON object and nothing else.</summary>
public sealed class JsonOutputTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task RunAsync_Json_PrintsOnlyTheResultObjectOnStandardOutput()
    {
        var result = await _cli.RunAsync("z-image-danrisi", "--prompt", "a fox", "--seed", "5", "--width", "256", "--height", "320", "--out", "fox.png", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(_cli.PathOf("fox.png"), root.GetProperty("saved").GetString());
        Assert.Equal("/z-image-danrisi", root.GetProperty("endpoint").GetString());
        Assert.Equal("ryla-z-image", root.GetProperty("app").GetString());
        Assert.Equal(5, root.GetProperty("seed").GetInt64());
        Assert.Equal("image/png", root.GetProperty("mediaType").GetString());
        Assert.Equal("image/jpeg", root.GetProperty("serverContentType").GetString());
        Assert.Equal(256, root.GetProperty("width").GetInt32());
        Assert.Equal(320, root.GetProperty("height").GetInt32());
        Assert.Equal("estimated", root.GetProperty("costSource").GetString());
        Assert.StartsWith("fc-", root.GetProperty("callId").GetString(), StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("costUsd").GetDecimal(), root.GetProperty("sessionSpendUsd").GetDecimal());
        Assert.Contains("embedded fake", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonAndModalError_PrintsErrorObjectAndExitsOne()
    {
        await using var fake = FakeModalDeployment.Start();
        fake.Endpoint("/flux").Inject(FakeFault.AppStopped);

        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--json", "--base-url", fake.BaseUrl.ToString());

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var error = json.RootElement.GetProperty("error");
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("ModalPlatformException", error.GetProperty("type").GetString());
        Assert.Equal("/flux", error.GetProperty("endpoint").GetString());
        Assert.Equal(404, error.GetProperty("statusCode").GetInt32());
        Assert.False(error.GetProperty("gpuWorkMayHaveRun").GetBoolean());
        Assert.StartsWith("error: ", result.ErrorLines[1], StringComparison.Ordinal);
    }
}
