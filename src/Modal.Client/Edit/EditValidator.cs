using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks editing requests before anything is sent (the server reports these mistakes only as 500s).</summary>
internal static class EditValidator
{
    public static void Validate(QwenImageEditRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageEditRequest));
        check.NotNull(request);
        check.Image(request.SourceImage, nameof(request.SourceImage));
        check.Prompt(request.Instruction, nameof(request.Instruction));
        check.Steps(request.Steps, nameof(request.Steps));
        check.Range(request.Cfg, nameof(request.Cfg), 0, 30);
        check.Range(request.Denoise, nameof(request.Denoise), 0, 1);
        check.Seed(request.Seed, nameof(request.Seed));
    }

    public static void Validate(QwenImageInpaintRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageInpaintRequest));
        check.NotNull(request);
        check.Image(request.SourceImage, nameof(request.SourceImage));
        check.Image(request.MaskImage, nameof(request.MaskImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.Steps(request.Steps, nameof(request.Steps));
        check.Range(request.Cfg, nameof(request.Cfg), 0, 30);
        check.Seed(request.Seed, nameof(request.Seed));
    }
}
