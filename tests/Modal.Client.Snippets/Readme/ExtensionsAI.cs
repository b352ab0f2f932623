using System.Drawing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Microsoft.Extensions.AI" (the call runs for real in ModalClientAIExtensionsTests).</summary>
internal static class ExtensionsAI
{
    public static async Task GenerateAsync(WebApplicationBuilder builder, IImageGenerator generator)
    {
        #region extensions-ai
        builder.Services.AddModalClient(builder.Configuration.GetSection(ModalClientOptions.SectionName));
        builder.Services.AddImageGenerator(sp => sp.GetRequiredService<IModalClient>().AsIImageGenerator()).UseOpenTelemetry();

        // Wherever an IImageGenerator is injected: two /flux-dev calls, seeds 7 and 8, two 768x512 image/png contents.
        ImageGenerationResponse response = await generator.GenerateImagesAsync("a red fox", new ImageGenerationOptions
        {
            ModelId = "/flux-dev",
            ImageSize = new Size(768, 512),
            Count = 2,
            AdditionalProperties = new() { ["seed"] = 7 },
        });
        foreach (DataContent image in response.Contents.OfType<DataContent>())
        {
            Console.WriteLine($"{image.MediaType}, seed {image.AdditionalProperties?[ModalImageContentKeys.Seed]}");
        }
        #endregion
    }
}
