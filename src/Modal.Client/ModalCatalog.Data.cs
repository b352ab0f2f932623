namespace Modal.Client;

public static partial class ModalCatalog
{
    // The inventory (shared/seed/endpoint-inventory.md) and the wire contract (shared/contract.md §1) as data.
    // Times and costs: contract summary table (benchmark 2026-02-02). Ranks: the inventory's speed and cost lists.
    // Budgets: the documented time plus a cold start (1-3 min) plus the server's own internal limits, never below
    // the TypeScript client's timeouts (contract X.5).
    private static ModalEndpoint[] Build() =>
    [
        Image(ModalEndpointPaths.FluxSchnell, ModalCapability.TextToImage, "Flux Schnell text-to-image", ModalFamily.Flux, ModalApp.Flux, 29, 0.016m, speed: 2, cost: 2, budgetMinutes: 5),
        Image(ModalEndpointPaths.FluxDev, ModalCapability.TextToImage, "Flux Dev text-to-image", ModalFamily.Flux, ModalApp.Flux, 37, 0.020m, speed: 5, cost: 6, budgetMinutes: 5),
        Image(ModalEndpointPaths.FluxDevLora, ModalCapability.TextToImage | ModalCapability.Lora, "Flux Dev + character LoRA", ModalFamily.Flux, ModalApp.Flux, 60, 0.033m, speed: null, cost: 11, budgetMinutes: 7),
        Image(ModalEndpointPaths.SdxlTurbo, ModalCapability.TextToImage, "SDXL Turbo text-to-image", ModalFamily.Sdxl, ModalApp.InstantId, 45, 0.024m, speed: 6, cost: 7, budgetMinutes: 5, note: "The route was deleted on ryla-instantid by commit e5a81e3; the live app answered 404 on 2026-02-06.", alternative: ModalEndpointPaths.ZImageDanrisi, status: ModalEndpointStatus.Undeployed),
        Image(ModalEndpointPaths.SdxlLightning, ModalCapability.TextToImage, "SDXL Lightning 4-step text-to-image", ModalFamily.Sdxl, ModalApp.InstantId, 66, 0.036m, speed: 8, cost: 12, budgetMinutes: 5, note: "The route was deleted on ryla-instantid by commit e5a81e3; the live app answered 404 on 2026-02-06.", alternative: ModalEndpointPaths.ZImageDanrisi, status: ModalEndpointStatus.Undeployed),
        Image(ModalEndpointPaths.QwenImage2512, ModalCapability.TextToImage, "Qwen-Image 2512, high quality", ModalFamily.Qwen, ModalApp.QwenImage, 103, 0.056m, speed: 12, cost: 16, budgetMinutes: 10),
        Image(ModalEndpointPaths.QwenImage2512Fast, ModalCapability.TextToImage, "Qwen-Image 2512 + Lightning (4 steps)", ModalFamily.Qwen, ModalApp.QwenImage, 73, 0.040m, speed: 9, cost: 13, budgetMinutes: 10),
        Image(ModalEndpointPaths.QwenImage2512Lora, ModalCapability.TextToImage | ModalCapability.Lora, "Qwen-Image 2512 + character LoRA", ModalFamily.Qwen, ModalApp.QwenImage, 143, 0.078m, speed: null, cost: 17, budgetMinutes: 10),
        Image(ModalEndpointPaths.ZImageSimple, ModalCapability.TextToImage, "Z-Image-Turbo text-to-image", ModalFamily.ZImage, ModalApp.ZImage, 51, 0.028m, speed: 7, cost: 9, budgetMinutes: 10),
        Image(ModalEndpointPaths.ZImageDanrisi, ModalCapability.TextToImage, "Z-Image-Turbo, Danrisi settings", ModalFamily.ZImage, ModalApp.ZImage, 6, 0.003m, speed: 1, cost: 1, budgetMinutes: 10),
        Image(ModalEndpointPaths.ZImageLora, ModalCapability.TextToImage | ModalCapability.Lora, "Z-Image-Turbo + LoRA", ModalFamily.ZImage, ModalApp.ZImage, 29, 0.016m, speed: null, cost: 5, budgetMinutes: 10),
        Image(ModalEndpointPaths.SdxlInstantId, ModalCapability.FaceConsistency, "SDXL + InstantID face consistency", ModalFamily.Face, ModalApp.InstantId, 29, 0.016m, speed: 4, cost: 4, budgetMinutes: 7),
        Image(ModalEndpointPaths.FluxPulid, ModalCapability.FaceConsistency, "Flux Dev + PuLID face consistency", ModalFamily.Face, ModalApp.InstantId, 83, 0.045m, speed: 10, cost: 14, budgetMinutes: 7),
        Image(ModalEndpointPaths.FluxIpAdapterFaceId, ModalCapability.FaceConsistency, "Flux Dev + XLabs IP-Adapter FaceID", ModalFamily.Face, ModalApp.InstantId, 60, 0.033m, speed: null, cost: 10, budgetMinutes: 7),
        Entry(ModalEndpointPaths.Wan26, ModalCapability.Video, "Wan 2.6 text-to-video", ModalFamily.Video, ModalApp.Wan26, ModalOutputKind.AnimatedWebP, 29, 0.016m, speed: 3, cost: 3, budgetMinutes: 10),
        Entry(ModalEndpointPaths.Wan26R2V, ModalCapability.Video, "Wan 2.6 reference-to-video", ModalFamily.Video, ModalApp.Wan26, ModalOutputKind.AnimatedWebP, null, null, speed: null, cost: null, budgetMinutes: 10, note: "Experimental: never benchmarked, and the reference videos appear not to be connected to the sampler (contract 3.16)."),
        Entry(ModalEndpointPaths.Wan26Lora, ModalCapability.Video | ModalCapability.Lora, "Wan 2.6 text-to-video + character LoRA", ModalFamily.Video, ModalApp.Wan26, ModalOutputKind.AnimatedWebP, 47, 0.025m, speed: null, cost: 8, budgetMinutes: 10),
        Entry(ModalEndpointPaths.VideoFaceSwap, ModalCapability.VideoFaceSwap, "ReActor face swap over a video", ModalFamily.Video, ModalApp.QwenImage, ModalOutputKind.Mp4, 85, 0.046m, speed: 11, cost: 15, budgetMinutes: 13, note: "A failing graph is only detected by the server's 10-minute poll limit."),
        Image(ModalEndpointPaths.SeedVr2, ModalCapability.Upscaling, "SeedVR2 upscaling", ModalFamily.Upscale, ModalApp.SeedVr2, 208, 0.113m, speed: 13, cost: 18, budgetMinutes: 13),
        Image(ModalEndpointPaths.QwenImageEdit, ModalCapability.Editing, "Qwen-Image edit by instruction", ModalFamily.Edit, ModalApp.QwenImage, 54, 0.029m, speed: null, cost: null, budgetMinutes: 7),
        Image(ModalEndpointPaths.QwenImageInpaint, ModalCapability.Editing, "Qwen-Image mask inpaint (edit + composite)", ModalFamily.Edit, ModalApp.QwenImage, 53, 0.029m, speed: null, cost: null, budgetMinutes: 7),

        Removed(ModalEndpointPaths.Wan2, "Wan 2.1", "Model deprecated, not included", ModalEndpointPaths.Wan26),
        Removed(ModalEndpointPaths.FluxInstantId, "Flux InstantID", "Shape mismatch (T5XXL+CLIP-L vs CLIP-L)", ModalEndpointPaths.SdxlInstantId),
        Removed(ModalEndpointPaths.ZImageInstantId, "Z-Image InstantID", "Qwen encoder incompatible", ModalEndpointPaths.SdxlInstantId),
        Removed(ModalEndpointPaths.ZImagePulid, "Z-Image PuLID", "Qwen encoder incompatible", ModalEndpointPaths.FluxPulid),

        Future(ModalEndpointPaths.Flux2Klein, "Flux.2 [klein] (Apache 2.0) when ComfyUI supports it", "Waiting"),
        Future(ModalEndpointPaths.Flux2Pro, "Flux.2 [pro] if commercial license accepted", "Pending"),
    ];

    private static ModalEndpoint Image(
        string path, ModalCapability capabilities, string title, ModalFamily family, ModalApp app, int? seconds, decimal? costUsd, int? speed, int? cost, int budgetMinutes, string? note = null, string? alternative = null, ModalEndpointStatus status = ModalEndpointStatus.Current)
        => Entry(path, capabilities, title, family, app, ModalOutputKind.Image, seconds, costUsd, speed, cost, budgetMinutes, note, alternative, status);

    private static ModalEndpoint Entry(
        string path, ModalCapability capabilities, string title, ModalFamily family, ModalApp app, ModalOutputKind kind, int? seconds, decimal? costUsd, int? speed, int? cost, int budgetMinutes, string? note = null, string? alternative = null, ModalEndpointStatus status = ModalEndpointStatus.Current)
        => new(path, title, status)
        {
            Capabilities = capabilities,
            Family = family,
            App = app,
            OutputKind = kind,
            TypicalDuration = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            DocumentedCostUsd = costUsd,
            SpeedRank = speed,
            CostRank = cost,
            DefaultBudget = TimeSpan.FromMinutes(budgetMinutes),
            Note = note,
            AlternativePath = alternative,
        };

    private static ModalUseCaseRecommendation[] BuildUseCases() =>
    [
        new(ModalUseCase.FastPreview, "Fast preview", Get(ModalEndpointPaths.ZImageDanrisi), Get(ModalEndpointPaths.FluxSchnell), "Minimal cold start"),
        new(ModalUseCase.QualityTextToImage, "Quality T2I", Get(ModalEndpointPaths.QwenImage2512), Get(ModalEndpointPaths.FluxDev), "Hyper-realistic"),
        new(ModalUseCase.FastQuality, "Fast quality", Get(ModalEndpointPaths.QwenImage2512Fast), Get(ModalEndpointPaths.FluxSchnell), "4 steps"),
        new(ModalUseCase.FaceConsistency, "Face consistency", Get(ModalEndpointPaths.SdxlInstantId), Get(ModalEndpointPaths.FluxPulid), "85-90% match"),
        new(ModalUseCase.Video, "Video", Get(ModalEndpointPaths.Wan26), null, "Text-to-video"),
        new(ModalUseCase.VideoFaceSwap, "Video faceswap", Get(ModalEndpointPaths.VideoFaceSwap), null, "ReActor-based"),
        new(ModalUseCase.Upscaling, "Upscaling", Get(ModalEndpointPaths.SeedVr2), null, "2x realistic"),
    ];

    private static ModalEndpoint Removed(string path, string title, string reason, string alternative)
        => new(path, title, ModalEndpointStatus.Removed) { Note = reason, AlternativePath = alternative };

    private static ModalEndpoint Future(string path, string title, string status)
        => new(path, title, ModalEndpointStatus.Future) { Note = title, FutureStatus = status };
}
