// A consumer of the packed packages: registers the SDK, calls it against the fake deployment, checks the results.
using System.Drawing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;
using Modal.Client.Testing;

await using var fake = FakeModalDeployment.Start();
var services = new ServiceCollection();
services.AddModalClient(o => o.UseFakeDeployment(fake));
services.AddImageGenerator(sp => sp.GetRequiredService<IModalClient>().AsIImageGenerator("/flux-dev")).UseOpenTelemetry();
await using var provider = services.BuildServiceProvider();
var modal = provider.GetRequiredService<IModalClient>();

var image = await modal.Flux.DevAsync(new FluxDevRequest { Prompt = "a red fox", Width = 256, Height = 128 });
Check(image.Format == MediaFormat.Png && image.Width == 256 && image.Height == 128, $"flux-dev: {image}");

var video = await modal.Video.Wan26Async(new Wan26Request { Prompt = "waves", Width = 64, Height = 64, FrameCount = 5 });
Check(video.IsAnimatedWebP, $"wan2.6: {video}");

try
{
    await modal.Flux.DevAsync(new FluxDevRequest { Prompt = " " });
    Check(false, "an empty prompt was sent");
}
catch (ArgumentException ex) when (ex.ParamName == "FluxDevRequest.Prompt")
{
}

// Modal.Client.Extensions.AI: the same endpoints behind Microsoft.Extensions.AI's IImageGenerator.
var generator = provider.GetRequiredService<IImageGenerator>();
var generated = await generator.GenerateImagesAsync("a red fox", new ImageGenerationOptions
{
    ImageSize = new Size(256, 128),
    Count = 2,
    AdditionalProperties = new() { ["seed"] = 7 },
});
var seeds = generated.Contents.Select(c => c.AdditionalProperties?[ModalImageContentKeys.Seed]).ToList();
Check(
    generated.Contents.Count == 2 && generated.Contents.All(c => c is DataContent { MediaType: "image/png" }) && seeds.SequenceEqual([(object)7L, 8L]),
    $"meai: {generated.Contents.Count} contents, seeds {string.Join(",", seeds)}");
Check(generator.GetService<ImageGeneratorMetadata>()?.ProviderName == "modal", "meai: metadata names modal");

// Modal.Client.Redis: with its Redis unreachable (nothing listens on port 1), a call is refused before sending, and
// the password of the configuration string is in no message.
var shared = new ServiceCollection();
shared.AddModalClient(o => o.UseFakeDeployment(fake)).UseRedis("127.0.0.1:1,connectTimeout=500,password=consumer-SECRET", o => o.KeyPrefix = "consumer");
await using (var sharedProvider = shared.BuildServiceProvider())
{
    var before = fake.Journal.All.Count;
    try
    {
        await sharedProvider.GetRequiredService<IModalClient>().Flux.DevAsync(new FluxDevRequest { Prompt = "a red fox" });
        Check(false, "redis: a call was sent without its shared limits");
    }
    catch (ModalSharedLimitsUnavailableException ex)
    {
        Check(!ex.GpuWorkMayHaveRun && ex.Limit == "concurrency" && !ex.ToString().Contains("consumer-SECRET", StringComparison.Ordinal), $"redis: {ex.Message}");
    }

    Check(fake.Journal.All.Count == before, "redis: the refused call reached the fake");
}

Console.WriteLine($"consumer check: OK ({image.Endpoint} {image.MediaType} {image.Length} bytes; {video.Endpoint} {video.MediaType}; IImageGenerator {generated.Contents.Count} images; Redis refusal)");

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"consumer check FAILED: {what}");
        Environment.Exit(1);
    }
}
