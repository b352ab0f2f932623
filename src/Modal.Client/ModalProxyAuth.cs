namespace Modal.Client;

/// <summary>
/// A Modal proxy-auth token, sent as <c>Modal-Key</c> and <c>Modal-Secret</c> on every request and every result-URL
/// poll. The secret is never logged, never put in an exception message and never shown by <see cref="ToString"/>.
/// </summary>
public sealed class ModalProxyAuth
{
    /// <summary>The token id (<c>wk-…</c>), sent as <c>Modal-Key</c>.</summary>
    public string TokenId { get; set; } = string.Empty;

    /// <summary>The token secret (<c>ws-…</c>), sent as <c>Modal-Secret</c>.</summary>
    public string TokenSecret { get; set; } = string.Empty;

    /// <summary>Shows the token id only.</summary>
    /// <returns>For example <c>Modal proxy auth wk-abc (secret hidden)</c>.</returns>
    public override string ToString() => $"Modal proxy auth {TokenId} (secret hidden)";
}
