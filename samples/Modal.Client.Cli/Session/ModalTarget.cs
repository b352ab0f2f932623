namespace Modal.Client.Cli.Session;

/// <summary>
/// Which Modal apps to call: a workspace, one base URL, or — when neither is configured — the embedded fake deployment.
/// The first of <c>--base-url</c>, <c>--workspace</c>, <c>MODAL_BASE_URL</c> and <c>MODAL_WORKSPACE</c> wins.
/// </summary>
internal sealed record ModalTarget(string? Workspace, Uri? BaseUrl)
{
    public const string WorkspaceVariable = "MODAL_WORKSPACE";
    public const string BaseUrlVariable = "MODAL_BASE_URL";

    /// <summary>Neither a workspace nor a base URL: the embedded fake deployment.</summary>
    public static ModalTarget EmbeddedFake { get; } = new(null, null);

    /// <summary>Whether real apps (or a gateway) are configured.</summary>
    public bool IsConfigured => Workspace is not null || BaseUrl is not null;

    /// <summary>Picks the target from the options and the environment.</summary>
    /// <exception cref="CliUsageException">Both flags were given, or <c>MODAL_BASE_URL</c> is not an http(s) URL.</exception>
    public static ModalTarget Resolve(string? workspaceOption, Uri? baseUrlOption, IReadOnlyDictionary<string, string?> environment)
    {
        if (workspaceOption is not null && baseUrlOption is not null)
        {
            throw new CliUsageException("Give either --workspace or --base-url, not both.");
        }

        if (baseUrlOption is not null)
        {
            return new(null, baseUrlOption);
        }

        if (workspaceOption is not null)
        {
            return new(workspaceOption, null);
        }

        if (Variable(environment, BaseUrlVariable) is { } baseUrl)
        {
            return TryParseUrl(baseUrl, out var url)
                ? new(null, url)
                : throw new CliUsageException($"{BaseUrlVariable} is '{baseUrl}', not an absolute http or https URL.");
        }

        return Variable(environment, WorkspaceVariable) is { } workspace ? new(workspace, null) : EmbeddedFake;
    }

    /// <summary>Parses an absolute http or https URL.</summary>
    public static bool TryParseUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        url = null;
        return false;
    }

    /// <summary>How the first output line describes the target.</summary>
    public string Describe() =>
        BaseUrl is not null ? $"Calling the Modal apps at {BaseUrl} (--base-url or {BaseUrlVariable})."
        : $"Calling the Modal apps of workspace '{Workspace}' (--workspace or {WorkspaceVariable}).";

    private static string? Variable(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
