using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the video family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IVideoApi
{
    [Post(ModalEndpointPaths.Wan26)]
    Task<HttpResponseMessage> Wan26Async([Body] Wan26Request request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.Wan26R2V)]
    Task<HttpResponseMessage> Wan26R2VAsync([Body] Wan26R2VRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.Wan26Lora)]
    Task<HttpResponseMessage> Wan26LoraAsync([Body] Wan26LoraRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.VideoFaceSwap)]
    Task<HttpResponseMessage> FaceSwapAsync([Body] VideoFaceSwapRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
