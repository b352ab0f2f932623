using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IVideoClient"/> over the Refit <see cref="IVideoApi"/>.</summary>
internal sealed class VideoClient(IVideoApi api, ModalCallRunner runner) : IVideoClient
{
    public Task<GeneratedVideo> Wan26Async(Wan26Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.Wan26, request, options, api, static (a, r, c, t) => a.Wan26Async(r, c, t), static d => new GeneratedVideo(d), cancellationToken);
    }

    public Task<GeneratedVideo> Wan26R2VAsync(Wan26R2VRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.Wan26R2V, request, options, api, static (a, r, c, t) => a.Wan26R2VAsync(r, c, t), static d => new GeneratedVideo(d), cancellationToken);
    }

    public Task<GeneratedVideo> Wan26LoraAsync(Wan26LoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.Wan26Lora, request, options, api, static (a, r, c, t) => a.Wan26LoraAsync(r, c, t), static d => new GeneratedVideo(d), cancellationToken);
    }

    public Task<GeneratedVideo> FaceSwapAsync(VideoFaceSwapRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        VideoValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.VideoFaceSwap, request, options, api, static (a, r, c, t) => a.FaceSwapAsync(r, c, t), static d => new GeneratedVideo(d), cancellationToken);
    }
}
