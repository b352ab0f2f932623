namespace Modal.Client;

/// <summary>
/// The keys under which the Modal <c>IImageGenerator</c> (<see cref="ModalClientAIExtensions.AsIImageGenerator"/>) puts
/// what Modal reports about each image into the <c>AdditionalProperties</c> of its <c>DataContent</c>. The whole
/// <see cref="GeneratedImage"/> is the content's <c>RawRepresentation</c>.
/// </summary>
public static class ModalImageContentKeys
{
    /// <summary><c>modal.seed</c>: the seed that was sent (<see cref="long"/>); absent when the endpoint has none.</summary>
    public const string Seed = "modal.seed";

    /// <summary><c>modal.endpoint</c>: the endpoint path that made the image, for example <c>/flux-dev</c> (<see cref="string"/>).</summary>
    public const string Endpoint = "modal.endpoint";

    /// <summary><c>modal.call_id</c>: Modal's function call id, <c>fc-…</c> (<see cref="string"/>); absent when the platform sent none.</summary>
    public const string CallId = "modal.call_id";

    /// <summary><c>modal.cost_usd</c>: the cost of the call in US dollars (<see cref="decimal"/>), see <see cref="GeneratedMedia.Cost"/>.</summary>
    public const string CostUsd = "modal.cost_usd";

    /// <summary><c>modal.cost_source</c>: <c>reported</c> when the server sent the cost, <c>estimated</c> when the SDK computed it (<see cref="string"/>).</summary>
    public const string CostSource = "modal.cost_source";

    /// <summary><c>modal.duration_seconds</c>: the client wall-clock time of the call, queueing and cold start included (<see cref="double"/>).</summary>
    public const string DurationSeconds = "modal.duration_seconds";

    /// <summary><c>modal.width</c>: the image width in pixels read from the file (<see cref="int"/>); absent when unknown.</summary>
    public const string Width = "modal.width";

    /// <summary><c>modal.height</c>: the image height in pixels read from the file (<see cref="int"/>); absent when unknown.</summary>
    public const string Height = "modal.height";
}
