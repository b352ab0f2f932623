namespace Modal.Client.Cli.Commands;

/// <summary>The command-line names of the inventory's use cases.</summary>
internal static class UseCaseNames
{
    public static IReadOnlyList<(string Name, ModalUseCase UseCase)> All { get; } =
    [
        ("fast-preview", ModalUseCase.FastPreview),
        ("quality-t2i", ModalUseCase.QualityTextToImage),
        ("fast-quality", ModalUseCase.FastQuality),
        ("face-consistency", ModalUseCase.FaceConsistency),
        ("video", ModalUseCase.Video),
        ("video-faceswap", ModalUseCase.VideoFaceSwap),
        ("upscaling", ModalUseCase.Upscaling),
    ];

    public static string NameOf(ModalUseCase useCase) => All.Single(u => u.UseCase == useCase).Name;

    public static ModalUseCase Parse(string name) => All.Single(u => u.Name == name).UseCase;
}
