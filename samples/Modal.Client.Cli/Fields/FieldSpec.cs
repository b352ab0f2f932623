namespace Modal.Client.Cli.Fields;

/// <summary>
/// One request field as a command-line option: the option is the wire name in kebab case (<c>negative_prompt</c> →
/// <c>--negative-prompt</c>); <see cref="Property"/> is the request record's property, which the SDK names in its
/// validation errors (<c>FluxSchnellRequest.Width</c>), so those errors can name the option back.
/// </summary>
/// <param name="WireName">The JSON field the server reads, for example <c>negative_prompt</c>.</param>
/// <param name="Property">The property of the request record, for example <c>NegativePrompt</c>.</param>
/// <param name="Kind">How the value is typed on the command line.</param>
/// <param name="Description">The help text.</param>
/// <param name="Required">Whether the option must be given.</param>
internal sealed record FieldSpec(string WireName, string Property, FieldKind Kind, string Description, bool Required = false)
{
    /// <summary>The option name, for example <c>--negative-prompt</c>.</summary>
    public string OptionName => "--" + WireName.Replace('_', '-');

    /// <summary>This field, required.</summary>
    public FieldSpec AsRequired() => this with { Required = true };

    /// <summary>This field with another help text.</summary>
    public FieldSpec Describe(string description) => this with { Description = description };
}
