using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IVideoClient"/> over the Refit <see cref="IVideoApi"/>.</summary>
internal sealed class VideoClient(IVideoApi api, ModalCallRunner runner) : IVideoClient
{
    public Task<GeneratedVideo> Wan26Async(Wan26Request request, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync("/wan2.6", request, api.Wan26Async, static d => new GeneratedVideo(d), cancellationToken);
    }

    public Task<GeneratedVideo> Wan26R2VAsync(Wan26R2VRequest request, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync("/wan2.6-r2v", request, api.Wan26R2VAsync, static d => new GeneratedVideo(d), cancellationToken);
    }

    public Task<GeneratedVideo> Wan26LoraAsync(Wan26LoraRequest request, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync("/wan2.6-lora", request, api.Wan26LoraAsync, static d => new GeneratedVideo(d), cancellationToken);
    }

    public Task<GeneratedVideo> FaceSwapAsync(VideoFaceSwapRequest request, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync("/video-faceswap", request, api.FaceSwapAsync, static d => new GeneratedVideo(d), cancellationToken);
    }
}
