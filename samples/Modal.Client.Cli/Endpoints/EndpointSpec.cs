using Modal.Client.Cli.Fields;

namespace Modal.Client.Cli.Endpoints;

/// <summary>One endpoint as a subcommand: its fields (in the request record's order) and how to call it.</summary>
/// <param name="Path">The route, for example <c>/flux</c>; the subcommand is the route without the slash.</param>
/// <param name="Fields">The request fields, each an option.</param>
/// <param name="Call">Builds the request from the option values and calls the SDK.</param>
internal sealed record EndpointSpec(
    string Path,
    IReadOnlyList<FieldSpec> Fields,
    Func<IModalClient, FieldValues, ModalCallOptions?, CancellationToken, Task<GeneratedMedia>> Call)
{
    /// <summary>The subcommand name, for example <c>flux-dev-lora</c> or <c>wan2.6</c>.</summary>
    public string CommandName => Path.TrimStart('/');

    /// <summary>Whether the endpoint loads a LoRA (exactly one of <c>--lora-id</c> and <c>--lora-name</c>).</summary>
    public bool HasLora => Fields.Any(f => f.Kind is FieldKind.LoraId);

    /// <summary>Whether the endpoint takes a seed (all but /video-faceswap).</summary>
    public bool HasSeed => Fields.Any(f => f.Kind is FieldKind.Seed);
}
