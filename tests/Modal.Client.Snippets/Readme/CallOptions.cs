namespace Modal.Client.Snippets.Readme;

/// <summary>README "Per-call options".</summary>
internal static class CallOptions
{
    public static async Task ProgressAndBudgetAsync(IModalClient modal, SeedVr2Request request, CancellationToken ct)
    {
        #region call-options
        var progress = new Progress<ModalCallProgress>(p => Console.WriteLine($"{p.Stage} {p.Elapsed:mm\\:ss} / ~{p.TypicalDuration:mm\\:ss}"));
        GeneratedImage upscaled = await modal.Upscale.SeedVr2Async(
            request,
            new ModalCallOptions { Progress = progress, Timeout = TimeSpan.FromMinutes(20) },
            ct);
        #endregion
    }

    public static async Task ResultFileAsync(IModalClient modal, CancellationToken ct)
    {
        #region result-file
        // A long video straight to disk: written to a temporary file beside it, moved into place only when complete.
        GeneratedVideo clip = await modal.Video.Wan26Async(
            new Wan26Request { Prompt = "waves at night", FrameCount = 81 },
            new ModalCallOptions { ResultFile = "renders/waves.webp" },
            ct);
        Console.WriteLine($"{clip.FilePath}: {clip.Length} bytes, {clip.FrameCount} frames");
        await using Stream frames = clip.OpenRead();   // or: await clip.ReadContentAsync(ct)
        #endregion
    }
}
