using System.Text.Json.Nodes;
using Modal.Client.Cli.Endpoints;
using Modal.Client.Cli.Fields;
using Modal.Client.Cli.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Endpoints;

/// <summary>
/// The subcommand table against the wire: with every option given, each subcommand sends exactly the request fields
/// named by its options (the option is the wire name in kebab case), with the closed choices mapped to their wire values.
/// </summary>
public sealed class EndpointTableTests : IClassFixture<EndpointTableTests.Fake>, IDisposable
{
    private readonly FakeModalDeployment _fake;
    private readonly CliRunner _cli = new();

    public EndpointTableTests(Fake fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _fake = fixture.Deployment;
    }

    public static TheoryData<string> CurrentPaths => [.. ModalCatalog.Callable.Select(e => e.Path)];

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void All_Always_HasOneSubcommandPerCurrentEndpointNamedAfterItsPath()
    {
        Assert.Equal(ModalCatalog.Callable.Select(e => e.Path).Order(), EndpointTable.All.Select(s => s.Path).Order());
        Assert.All(EndpointTable.All, s => Assert.Equal(s.Path[1..], s.CommandName));
        Assert.Equal(["/video-faceswap"], EndpointTable.All.Where(s => !s.HasSeed).Select(s => s.Path));
        Assert.Equal(
            ["/flux-dev-lora", "/qwen-image-2512-lora", "/wan2.6-lora", "/z-image-lora"],
            EndpointTable.All.Where(s => s.HasLora).Select(s => s.Path).Order());
    }

    [Theory]
    [MemberData(nameof(CurrentPaths))]
    public async Task RunAsync_EveryOptionGiven_SendsExactlyTheFieldsNamedByTheOptions(string path)
    {
        var spec = EndpointTable.All.Single(s => s.Path == path);
        _cli.WriteFile("face.png", TestMedia.Png());
        _cli.WriteFile("clip.mp4", TestMedia.Mp4());
        // --aspect-ratio and --width/--height are exclusive (the server lets the ratio win): give the size here; the
        // ratio is covered by RunAsync_ClosedChoices_SendTheirWireValues.
        var fields = spec.Fields.Where(f => f.Kind is not (FieldKind.LoraName or FieldKind.AspectRatio)).ToList();
        List<string> args = [spec.CommandName, "--base-url", _fake.BaseUrl.ToString(), "--out", "result.bin"];
        foreach (var field in fields)
        {
            args.AddRange([field.OptionName, SampleValue(field)]);
        }

        var result = await _cli.RunAsync([.. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = LastBody(path);
        Assert.Equal(fields.Select(f => f.WireName).Order(), body.Select(p => p.Key).Order());
        Assert.All(fields.Where(f => f.Kind == FieldKind.Integer), f => Assert.Equal(int.Parse(SampleValue(f), System.Globalization.CultureInfo.InvariantCulture), (int)body[f.WireName]!));
    }

    [Fact]
    public async Task RunAsync_ClosedChoices_SendTheirWireValues()
    {
        _cli.WriteFile("face.png", TestMedia.Png());

        var instantId = await _cli.RunAsync(
            "sdxl-instantid", "--base-url", _fake.BaseUrl.ToString(), "--reference-image", "face.png", "--prompt", "a face",
            "--sdxl-checkpoint", "juggernaut", "--face-provider", "cuda", "--sampler-name", "dpmpp_2m", "--scheduler", "karras", "--out", "a.png");
        var qwen = await _cli.RunAsync(
            "qwen-image-2512", "--base-url", _fake.BaseUrl.ToString(), "--aspect-ratio", "9:16", "--use-lightning-lora", "--out", "b.png");
        var lora = await _cli.RunAsync(
            "z-image-lora", "--base-url", _fake.BaseUrl.ToString(), "--prompt", "a fox", "--lora-name", "realistic-snapshot-zit", "--nsfw", "false", "--out", "c.png");

        Assert.All([instantId, qwen, lora], r => Assert.True(r.ExitCode == 0, r.ToString()));
        var sdxl = LastBody("/sdxl-instantid");
        Assert.Equal("Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors", (string?)sdxl["sdxl_checkpoint"]);
        Assert.Equal("CUDA", (string?)sdxl["face_provider"]);
        Assert.Equal("dpmpp_2m", (string?)sdxl["sampler_name"]);
        Assert.Equal("karras", (string?)sdxl["scheduler"]);
        Assert.StartsWith("data:image/png;base64,", (string?)sdxl["reference_image"], StringComparison.Ordinal);
        var qwenBody = LastBody("/qwen-image-2512");
        Assert.Equal("9:16", (string?)qwenBody["aspect_ratio"]);
        Assert.True((bool)qwenBody["use_lightning_lora"]!);
        Assert.False(qwenBody.ContainsKey("prompt"));
        var loraBody = LastBody("/z-image-lora");
        Assert.Equal("realistic-snapshot-zit", (string?)loraBody["lora_name"]);
        Assert.False(loraBody.ContainsKey("lora_id"));
        Assert.False((bool)loraBody["nsfw"]!);
        Assert.Equal("928x1664 px", qwen.Value("size")[(qwen.Value("size").IndexOf(", ", StringComparison.Ordinal) + 2)..]);
    }

    private JsonObject LastBody(string path) =>
        _fake.Journal.Requests(path).Last(r => !r.IsResultPoll).BodyAsJson() ?? throw new InvalidOperationException($"{path} received no JSON.");

    private static string SampleValue(FieldSpec field) => field.Kind switch
    {
        FieldKind.Text => "a fox in the snow",
        FieldKind.Integer => field.WireName switch
        {
            "width" or "height" or "resolution" => "512",
            "max_resolution" => "1024",
            "steps" => "4",
            "length" => "9",
            "fps" => "16",
            _ => "1",
        },
        FieldKind.Number => "0.5",
        FieldKind.Seed => "7",
        FieldKind.Flag => "true",
        FieldKind.MediaFile => field.WireName == "source_video" ? "clip.mp4" : "face.png",
        FieldKind.MediaFiles => "clip.mp4",
        FieldKind.Checkpoint => "realvisxl",
        FieldKind.AspectRatio => "16:9",
        FieldKind.InstantIdFaceProvider => "CUDA",
        FieldKind.IpAdapterFaceProvider => "GPU",
        FieldKind.Sampler => "euler",
        FieldKind.Scheduler => "normal",
        FieldKind.LoraId => "abc",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, null),
    };

    /// <summary>
    /// One fake deployment for the class (no faults are scripted on it). It serves every route, accepts any LoRA and
    /// lets values past the real nodes' limits through: these tests pin the wire shape, not the servers' verdicts.
    /// </summary>
    public sealed class Fake : IDisposable
    {
        public FakeModalDeployment Deployment { get; } = FakeModalDeployment.Start(new() { ServeDeletedSdxlRoutes = true, AcceptUnknownLoras = true, EnforceNodeLimits = false });

        public void Dispose() => Deployment.Dispose();
    }
}
