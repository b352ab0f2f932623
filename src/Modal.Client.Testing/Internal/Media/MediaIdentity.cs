using System.Security.Cryptography;
using System.Text;

namespace Modal.Client.Testing.Internal.Media;

/// <summary>
/// What a fake output is derived from: a SHA-256 of the endpoint and the inputs that pick the image (prompt, seed,
/// LoRA...). The same inputs give the same bytes; any change gives different colours.
/// </summary>
internal sealed class MediaIdentity
{
    private readonly byte[] hash;

    private MediaIdentity(byte[] hash, ulong? seed, string? prompt)
    {
        this.hash = hash;
        Seed = seed;
        Prompt = prompt;
    }

    /// <summary>The seed the fake server used, echoed in <c>x-fake-seed</c> and in the media metadata.</summary>
    public ulong? Seed { get; }

    /// <summary>The prompt as sent (or the server default), whose SHA-256 is echoed in <c>x-fake-prompt-sha256</c>.</summary>
    public string? Prompt { get; }

    public string? PromptSha256 => Prompt is null ? null : Sha256Hex(Prompt);

    public static MediaIdentity Create(string path, ulong? seed, string? prompt, params string?[] extra)
    {
        var text = new StringBuilder()
            .Append(path).Append('\n')
            .Append(seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-").Append('\n')
            .Append(prompt ?? "-");
        foreach (var part in extra)
        {
            text.Append('\n').Append(part ?? "-");
        }

        return new MediaIdentity(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), seed, prompt);
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A byte of the identity hash (index wraps).</summary>
    public byte this[int index] => hash[index % hash.Length];
}
