using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>Adds the Modal proxy-auth headers, when configured, to every request and every result-URL poll.</summary>
internal sealed class ProxyAuthHandler(IOptionsMonitor<ModalClientOptions> options) : DelegatingHandler
{
    public const string KeyHeader = "Modal-Key";
    public const string SecretHeader = "Modal-Secret";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.ProxyAuth is { TokenId.Length: > 0, TokenSecret.Length: > 0 } auth)
        {
            request.Headers.Remove(KeyHeader);
            request.Headers.Remove(SecretHeader);
            request.Headers.TryAddWithoutValidation(KeyHeader, auth.TokenId);
            request.Headers.TryAddWithoutValidation(SecretHeader, auth.TokenSecret);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
