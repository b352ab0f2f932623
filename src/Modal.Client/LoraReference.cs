namespace Modal.Client;

/// <summary>
/// Which character LoRA a LoRA endpoint loads: by id (the server turns it into a file name) or by file name.
/// </summary>
/// <remarks>
/// How an id resolves, per endpoint (contract X.7): /flux-dev-lora and /z-image-lora look for <c>character-{id}.safetensors</c>;
/// /qwen-image-2512-lora for <c>qwen-character-{id}.safetensors</c> (then the legacy <c>character-{id}</c>);
/// /wan2.6-lora for <c>wan-character-{id}.safetensors</c> (then <c>character-{id}</c>). A Flux LoRA trained by
/// ryla-lora-training is stored as <c>flux-character-{id}</c>, which the id scheme does not match: load it with
/// <c>ByName("flux-character-{id}")</c>. A name is sent as <c>lora_name</c>; the server appends <c>.safetensors</c>.
/// </remarks>
public sealed record LoraReference
{
    private LoraReference(string? id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The id sent as <c>lora_id</c>, or <see langword="null"/> for a reference by name.</summary>
    public string? Id { get; }

    /// <summary>The file name sent as <c>lora_name</c>, or <see langword="null"/> for a reference by id.</summary>
    public string? Name { get; }

    /// <summary>A LoRA by id (for example a character id); see the remarks for how each endpoint resolves it.</summary>
    /// <param name="id">Letters, digits, '-', '_' and '.'; no path separators.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The id is empty or contains a path separator or other unsafe character.</exception>
    public static LoraReference ById(string id) => new(Check(id, nameof(id)), null);

    /// <summary>A LoRA by file name in the app's LoRA folder, with or without <c>.safetensors</c>.</summary>
    /// <param name="name">For example <c>flux-character-abc</c> or <c>realistic-snapshot-zit.safetensors</c>.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The name is empty or contains a path separator or other unsafe character.</exception>
    public static LoraReference ByName(string name) => new(null, Check(name, nameof(name)));

    /// <inheritdoc/>
    public override string ToString() => Id is not null ? $"lora_id={Id}" : $"lora_name={Name}";

    private static string Check(string value, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"The LoRA {paramName} is empty: pass a character id (LoraReference.ById(\"abc\")) or a file name (LoraReference.ByName(\"flux-character-abc\")).",
                paramName);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > 200 || trimmed.Contains("..", StringComparison.Ordinal)
            || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException(
                $"'{(trimmed.Length > 60 ? trimmed[..60] + "…" : trimmed)}' is not a valid LoRA {paramName}: use up to 200 letters, digits, '-', '_' or '.', with no path separators or '..'.",
                paramName);
        }

        return trimmed;
    }
}
