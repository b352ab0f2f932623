using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// One item of a batch: a request record of any of the 21 endpoints (for example a <see cref="FluxDevRequest"/> or a
/// <see cref="Wan26Request"/>), dispatched by its type to the family method that sends it.
/// </summary>
/// <example>
/// <code>
/// var items = prompts.Select(p =&gt; new ModalBatchItem(new FluxDevRequest { Prompt = p, Seed = 42 }));
/// </code>
/// </example>
public sealed class ModalBatchItem
{
    private readonly Func<IModalClient, ModalCallOptions?, CancellationToken, Task<GeneratedMedia>>? _call;

    /// <summary>Creates an item from a request record.</summary>
    /// <param name="request">One of the 21 request records (<see cref="FluxSchnellRequest"/> … <see cref="QwenImageInpaintRequest"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="request"/> is not a request record.</exception>
    public ModalBatchItem(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        (Endpoint, _call) = BatchDispatch.For(request);
        Request = request;
    }

    private ModalBatchItem(ArgumentException invalid, ModalEndpoint? endpoint)
    {
        Invalid = invalid;
        Endpoint = endpoint;
    }

    /// <summary>The request record; <see langword="null"/> for an item made with <see cref="Refused"/>.</summary>
    public object? Request { get; }

    /// <summary>The endpoint the request goes to; <see langword="null"/> for a refused item whose endpoint is unknown.</summary>
    public ModalEndpoint? Endpoint { get; }

    /// <summary>
    /// The item's 1-based line number, which the results and the manifest report and resume matches on; <see langword="null"/>
    /// for its position in the sequence. Each number may appear once per batch.
    /// </summary>
    public int? Line { get; init; }

    /// <summary>Why the input could not become a request (an item made with <see cref="Refused"/>).</summary>
    public ArgumentException? Invalid { get; }

    /// <summary>
    /// An item for an input that could not be turned into a request (bad JSON, an unknown endpoint, a missing file): the
    /// batch reports it <see cref="ModalBatchStatus.Refused"/> with <paramref name="reason"/> and sends nothing.
    /// </summary>
    /// <param name="reason">What is wrong and how to fix it.</param>
    /// <param name="endpoint">The endpoint the input named, when known.</param>
    /// <param name="line">The item's <see cref="Line"/>; <see langword="null"/> for its position in the sequence.</param>
    /// <returns>The item.</returns>
    public static ModalBatchItem Refused(ArgumentException reason, ModalEndpoint? endpoint = null, int? line = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new ModalBatchItem(reason, endpoint) { Line = line };
    }

    /// <summary>
    /// Checks the request as its family method does before sending it (nothing is sent), for a dry run; an item made with
    /// <see cref="Refused"/> throws its reason.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid; the message names the property and the fix.</exception>
    public void Validate()
    {
        if (Invalid is not null)
        {
            throw Invalid;
        }

        BatchDispatch.Validate(Request!);
    }

    /// <summary>Sends the request through its family method.</summary>
    internal Task<GeneratedMedia> CallAsync(IModalClient client, ModalCallOptions? options, CancellationToken cancellationToken) =>
        _call is null ? throw Invalid! : _call(client, options, cancellationToken);
}
