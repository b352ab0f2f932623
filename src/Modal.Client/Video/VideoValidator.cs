using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks video requests before anything is sent.</summary>
internal static class VideoValidator
{
    public const int MaxReferenceVideos = 3;
    public const int MaxFrames = 241;
    public const int MaxVideoSize = 1920;

    public static void Validate(Wan26Request request)
    {
        var check = new RequestCheck(nameof(Wan26Request));
        check.NotNull(request);
        Wan(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Length, request.Fps, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(Wan26R2VRequest request)
    {
        var check = new RequestCheck(nameof(Wan26R2VRequest));
        check.NotNull(request);
        if (request.ReferenceVideos is null || request.ReferenceVideos.Count is 0 or > MaxReferenceVideos)
        {
            throw check.Fail(
                nameof(request.ReferenceVideos),
                $"has {request.ReferenceVideos?.Count ?? 0} videos; pass 1 to {MaxReferenceVideos} reference videos (the server rejects more).");
        }

        for (var i = 0; i < request.ReferenceVideos.Count; i++)
        {
            check.Video(request.ReferenceVideos[i], $"{nameof(request.ReferenceVideos)}[{i}]");
        }

        Wan(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Length, request.Fps, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(Wan26LoraRequest request)
    {
        var check = new RequestCheck(nameof(Wan26LoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), -5, 5);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Wan(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Length, request.Fps, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(VideoFaceSwapRequest request)
    {
        var check = new RequestCheck(nameof(VideoFaceSwapRequest));
        check.NotNull(request);
        check.Video(request.SourceVideo, nameof(request.SourceVideo));
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Range(request.Fps, nameof(request.Fps), 1, 120, "frames per second");
        check.Range(request.FaceRestoreVisibility, nameof(request.FaceRestoreVisibility), 0, 1);
        check.Range(request.CodeformerWeight, nameof(request.CodeformerWeight), 0, 1);
    }

    private static void Wan(
        RequestCheck check, string? prompt, string? negativePrompt, int? width, int? height, int? length, int? fps, int? steps, double? cfg, long? seed)
    {
        check.Prompt(prompt, "Prompt");
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Size(width, "Width", max: MaxVideoSize);
        check.Size(height, "Height", max: MaxVideoSize);
        check.Range(length, "Length", 1, MaxFrames, "frames");
        check.Range(fps, "Fps", 1, 120, "frames per second");
        check.Steps(steps, "Steps");
        check.Range(cfg, "Cfg", 0, 30);
        check.Seed(seed, "Seed");
    }
}
