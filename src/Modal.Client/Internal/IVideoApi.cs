using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the video family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IVideoApi
{
    [Post("/wan2.6")]
    Task<HttpResponseMessage> Wan26Async([Body] Wan26Request request, CancellationToken cancellationToken);

    [Post("/wan2.6-r2v")]
    Task<HttpResponseMessage> Wan26R2VAsync([Body] Wan26R2VRequest request, CancellationToken cancellationToken);

    [Post("/wan2.6-lora")]
    Task<HttpResponseMessage> Wan26LoraAsync([Body] Wan26LoraRequest request, CancellationToken cancellationToken);

    [Post("/video-faceswap")]
    Task<HttpResponseMessage> FaceSwapAsync([Body] VideoFaceSwapRequest request, CancellationToken cancellationToken);
}
