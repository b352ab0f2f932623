// A consumer of the packed packages: registers the SDK, calls it against the fake deployment, checks the results.
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;
using Modal.Client.Testing;

await using var fake = FakeModalDeployment.Start();
var services = new ServiceCollection();
services.AddModalClient(o => o.UseFakeDeployment(fake));
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

Console.WriteLine($"consumer check: OK ({image.Endpoint} {image.MediaType} {image.Length} bytes; {video.Endpoint} {video.MediaType})");

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"consumer check FAILED: {what}");
        Environment.Exit(1);
    }
}
