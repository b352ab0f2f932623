using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>Turns options into each app's base URL. The only place that knows how Modal composes hosts.</summary>
internal static class AppUrlResolver
{
    /// <summary>The host suffix of every deployed app: class <c>ComfyUI</c>, ASGI method <c>fastapi_app</c>.</summary>
    public const string AppLabelSuffix = "-comfyui-fastapi-app";

    /// <summary>Modal's domain for web endpoints.</summary>
    public const string ModalDomain = "modal.run";

    /// <summary>DNS labels are limited to 63 characters (RFC 1035).</summary>
    public const int MaxDnsLabelLength = 63;

    public static string ComposeLabel(string workspace, ModalApp app)
        => string.Create(CultureInfo.InvariantCulture, $"{workspace}--{app.Name}{AppLabelSuffix}");

    public static Uri? TryResolve(ModalClientOptions options, ModalApp app)
    {
        if (options.AppUrls.TryGetValue(app.Name, out var perApp))
        {
            return WithTrailingSlash(perApp);
        }

        if (options.BaseUrl is { } baseUrl)
        {
            return WithTrailingSlash(baseUrl);
        }

        return string.IsNullOrWhiteSpace(options.Workspace)
            ? null
            : new Uri($"https://{ComposeLabel(options.Workspace.Trim().ToLowerInvariant(), app)}.{ModalDomain}/");
    }

    public static Uri Resolve(ModalClientOptions options, ModalApp app)
        => TryResolve(options, app) ?? throw new InvalidOperationException(
            $"No URL is configured for the Modal app '{app.Name}'. Set ModalClientOptions.Workspace, BaseUrl or AppUrls[\"{app.Name}\"].");

    /// <summary>Appends an endpoint path (and query) to an app's base URL, keeping any path prefix of the base.</summary>
    public static Uri Combine(Uri appBase, string pathAndQuery) => new(appBase, pathAndQuery.TrimStart('/'));

    private static Uri WithTrailingSlash(Uri uri)
        => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
