using Microsoft.AspNetCore.Builder;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Register and call" and "One example per family".</summary>
internal static class RegisterAndCall
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region register
        builder.Services.AddModalClient(o => o.Workspace = "ryla");
        // or: builder.Services.AddModalClient(builder.Configuration.GetSection("Modal"));
        #endregion
    }

    public static async Task FamiliesAsync(IModalClient modal)
    {
        #region family-examples
        // Flux (ryla-flux)
        var fox = await modal.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox", Steps = 20, Seed = 7 });
        var character = await modal.Flux.DevLoraAsync(new FluxDevLoraRequest
        {
            Lora = LoraReference.ByName("flux-character-abc"),   // trained Flux LoRAs are named flux-character-{id}
            Prompt = "portrait in the rain",
        });

        // SDXL (ryla-instantid): callable, but the reference deployment answers 404 for both routes
        // (ModalEndpointStatus.Undeployed): expect ModalEndpointNotDeployedException, whose Alternative is /z-image-danrisi.
        var turbo = await modal.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "a fox", Steps = 4 });

        // Qwen-Image (ryla-qwen-image)
        var wide = await modal.Qwen.Image2512FastAsync(new QwenImage2512FastRequest { Prompt = "a harbour at dawn", AspectRatio = QwenAspectRatio.Landscape16x9 });

        // Z-Image (ryla-z-image)
        var quick = await modal.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "a fox" });

        // Face consistency (ryla-instantid)
        var face = await ModalMedia.FromFileAsync("face.jpg");
        var portrait = await modal.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest
        {
            ReferenceImage = face,
            Prompt = "portrait, studio light",
            SdxlCheckpoint = SdxlCheckpoint.RealVisXL,
        });

        // Video (ryla-wan26; /video-faceswap on ryla-qwen-image)
        GeneratedVideo clip = await modal.Video.Wan26Async(new Wan26Request { Prompt = "waves at night", FrameCount = 33 });
        // clip.IsAnimatedWebP == true: Wan returns animated WebP, not MP4

        // Editing (ryla-qwen-image)
        var edited = await modal.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = face, Instruction = "make it night" });

        // Upscaling (ryla-seedvr2)
        var big = await modal.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = ModalMedia.FromBytes(fox.Content), Resolution = 2160 });
        #endregion
    }
}

#region thumbnails
public sealed class Thumbnails(IModalClient modal)
{
    public async Task<string> RenderAsync(string prompt, string folder, CancellationToken ct = default)
    {
        GeneratedImage image = await modal.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = prompt }, cancellationToken: ct);
        var path = Path.Combine(folder, $"thumb-{image.Seed}{image.FileExtension}");   // ".png": the real format, not the server's label
        await image.SaveAsync(path, ct);
        return path;
    }
}
#endregion
