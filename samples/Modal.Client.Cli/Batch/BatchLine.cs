namespace Modal.Client.Cli.Batch;

/// <summary>One non-blank line of a batch input file, turned into a batch item (a request, or a refusal saying why not).</summary>
/// <param name="Line">The 1-based line number in the input file.</param>
/// <param name="Item">The item: a typed request, or <see cref="ModalBatchItem.Refused"/>.</param>
internal sealed record BatchLine(int Line, ModalBatchItem Item)
{
    /// <summary>The endpoint the line names, when known.</summary>
    public ModalEndpoint? Endpoint => Item.Endpoint;

    /// <summary>The endpoint's path, or <c>?</c> when the line names none the CLI knows.</summary>
    public string EndpointName => Item.Endpoint?.Path ?? "?";
}
