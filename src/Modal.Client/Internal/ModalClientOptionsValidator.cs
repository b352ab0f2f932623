using System.Globalization;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// The rules of <see cref="ModalClientOptions"/>, with messages that quote the bad value and name the fix. Written out
/// rather than as DataAnnotations: their validator loads System.ComponentModel's type descriptors and a regular-expression
/// interpreter into every process (about 2 MiB resident and 200 types) to check a handful of numbers and one name. The
/// ranges include every range Polly declares on the strategy options built from these values, so the SDK's pipelines
/// skip Polly's own reflection-based check (<see cref="PollyValidation"/>).
/// </summary>
internal sealed class ModalClientOptionsValidator : IValidateOptions<ModalClientOptions>
{
    private static readonly System.Buffers.SearchValues<char> WorkspaceCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    public ValidateOptionsResult Validate(string? name, ModalClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateWorkspaceName(options.Workspace, failures);
        ValidateWorkspace(options, failures);
        Between(options.MaxConcurrentCallsPerApp, 1, 1000, "MaxConcurrentCallsPerApp", failures);
        Between(options.Retry.MaxRetryAttempts, 0, 10, "Retry.MaxRetryAttempts", failures);
        Between(options.Retry.MaxPollRetries, 0, 20, "Retry.MaxPollRetries", failures);
        Between(options.CircuitBreaker.MinimumThroughput, 2, 10_000, "CircuitBreaker.MinimumThroughput", failures);
        if (!(options.CircuitBreaker.FailureRatio is >= 0.01 and <= 1.0))
        {
            failures.Add($"CircuitBreaker.FailureRatio must be between 0.01 and 1 (it is {options.CircuitBreaker.FailureRatio.ToString(CultureInfo.InvariantCulture)}), for example 0.5.");
        }

        ValidateUrl(options.BaseUrl, "BaseUrl", failures);
        foreach (var (app, url) in options.AppUrls)
        {
            if (!ModalApp.TryFind(app, out _))
            {
                failures.Add($"AppUrls has the key '{app}', which is not a Modal app of this SDK. Use one of: {string.Join(", ", ModalApp.All)}.");
            }

            ValidateUrl(url, $"AppUrls[\"{app}\"]", failures);
        }

        var unrouted = ModalApp.All
            .Where(a => !options.AppUrls.ContainsKey(a.Name) && options.BaseUrl is null && string.IsNullOrWhiteSpace(options.Workspace))
            .ToList();
        if (unrouted.Count > 0)
        {
            failures.Add(
                $"No URL for the app(s) {string.Join(", ", unrouted)}. Set Workspace (e.g. \"ryla\"), BaseUrl (one URL for every app), "
                + "or AppUrls for each app. With the Modal.Client.Testing package, options.UseFakeDeployment(fake) sets them all.");
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            failures.Add($"Timeout is {timeout}; use a positive budget such as 00:10:00, or remove it to use each endpoint's default.");
        }

        if (options.ResultPollTimeout < TimeSpan.FromMilliseconds(10) || options.ResultPollTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"ResultPollTimeout is {options.ResultPollTimeout}; use 10 ms to 1 day, for example 00:03:00.");
        }

        Positive(options.HealthCheckTimeout, "HealthCheckTimeout", "00:00:10", failures);
        Positive(options.WarmUpTimeout, "WarmUpTimeout", "00:05:00", failures);
        if (options.Retry.BaseDelay < TimeSpan.Zero || options.Retry.BaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Retry.BaseDelay is {options.Retry.BaseDelay}; use 0 to 1 minute, for example 00:00:01.");
        }

        if (options.CircuitBreaker.SamplingDuration < TimeSpan.FromSeconds(0.5) || options.CircuitBreaker.SamplingDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"CircuitBreaker.SamplingDuration is {options.CircuitBreaker.SamplingDuration}; use 0.5 s to 1 day, for example 00:01:00.");
        }

        if (options.CircuitBreaker.BreakDuration < TimeSpan.FromSeconds(0.5) || options.CircuitBreaker.BreakDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"CircuitBreaker.BreakDuration is {options.CircuitBreaker.BreakDuration}; use 0.5 s to 1 day, for example 00:00:30.");
        }

        if (options.MaxResultBytes <= 0)
        {
            failures.Add($"MaxResultBytes is {options.MaxResultBytes}; use a positive number of bytes such as 1073741824 (1 GiB, the default).");
        }

        ValidateProxyAuth(options, failures);

        if (options.Budget.MaxCostPerCallUsd is <= 0)
        {
            failures.Add($"Budget.MaxCostPerCallUsd is {options.Budget.MaxCostPerCallUsd}; use a positive amount in USD such as 0.05, or remove it.");
        }

        if (options.Budget.MaxSpendPerWindowUsd is <= 0)
        {
            failures.Add($"Budget.MaxSpendPerWindowUsd is {options.Budget.MaxSpendPerWindowUsd}; use a positive amount in USD such as 10, or remove it.");
        }

        if (options.Budget.Window <= TimeSpan.Zero)
        {
            failures.Add($"Budget.Window is {options.Budget.Window}; use a positive window such as 01:00:00.");
        }

        foreach (var (path, budget) in options.EndpointTimeouts)
        {
            if (!ModalCatalog.TryFind(path, out var endpoint) || !endpoint.IsCallable)
            {
                failures.Add($"EndpointTimeouts has the key '{path}', which is not a current endpoint. Use a path such as \"/seedvr2\".");
            }

            if (budget <= TimeSpan.Zero)
            {
                failures.Add($"EndpointTimeouts[\"{path}\"] is {budget}; use a positive budget such as 00:15:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between(int value, int min, int max, string name, List<string> failures)
    {
        if (value < min || value > max)
        {
            failures.Add($"{name} must be between {min} and {max} (it is {value}).");
        }
    }

    /// <summary>A Modal workspace name: letters, digits and inner hyphens (a DNS label's characters).</summary>
    private static void ValidateWorkspaceName(string? workspace, List<string> failures)
    {
        if (string.IsNullOrEmpty(workspace))
        {
            return;   // Not set: the check for a URL per app names the fix.
        }

        var valid = char.IsAsciiLetterOrDigit(workspace[0])
            && char.IsAsciiLetterOrDigit(workspace[^1])
            && workspace.AsSpan().IndexOfAnyExcept(WorkspaceCharacters) < 0;
        if (!valid)
        {
            failures.Add("Workspace must be a Modal workspace name: letters, digits and inner hyphens only, for example \"ryla\".");
        }
    }

    private static void Positive(TimeSpan value, string name, string example, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} is {value}; use a positive duration such as {example}.");
        }
    }

    private static void ValidateProxyAuth(ModalClientOptions options, List<string> failures)
    {
        if (options.ProxyAuth is not { } auth)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(auth.TokenId) || string.IsNullOrWhiteSpace(auth.TokenSecret))
        {
            failures.Add("ProxyAuth needs both TokenId (Modal-Key, wk-…) and TokenSecret (Modal-Secret, ws-…) from a Modal proxy-auth token; remove ProxyAuth if the apps use none.");
            return;
        }

        var urls = options.AppUrls.Values.Append(options.BaseUrl).OfType<Uri>();
        foreach (var url in urls.Where(u => u.IsAbsoluteUri && u.Scheme == Uri.UriSchemeHttp && !u.IsLoopback))
        {
            failures.Add($"ProxyAuth would send the token secret in clear text to http://{url.Host}; use an https URL (Modal serves https), or a loopback address for local tests.");
        }
    }

    private static void ValidateWorkspace(ModalClientOptions options, List<string> failures)
    {
        if (options.Workspace is not { } workspace)
        {
            return;
        }

        // The character rules are checked by ValidateWorkspaceName; here only the composed host length.
        var trimmed = workspace.Trim();

        foreach (var app in ModalApp.All.Where(a => !options.AppUrls.ContainsKey(a.Name)))
        {
            var label = AppUrlResolver.ComposeLabel(trimmed.ToLowerInvariant(), app);
            if (label.Length > AppUrlResolver.MaxDnsLabelLength)
            {
                failures.Add(
                    $"The host label '{label}' composed from Workspace '{workspace}' has {label.Length} characters, more than DNS allows ({AppUrlResolver.MaxDnsLabelLength}); "
                    + $"Modal shortens such names in a way that cannot be predicted. Copy the app's URL from the Modal dashboard into AppUrls[\"{app.Name}\"].");
            }
        }
    }

    private static void ValidateUrl(Uri? url, string name, List<string> failures)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{name} '{url}' must be an absolute http or https URL, for example https://ryla--ryla-flux-comfyui-fastapi-app.modal.run.");
            return;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add($"{name} for host '{url.Host}' carries credentials in the URL; remove them (they would be logged and sent in clear text). Modal proxy auth uses headers, not URL credentials.");
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"{name} '{url.GetLeftPart(UriPartial.Path)}' must not have a query or fragment; give the app's base URL only.");
        }
    }
}
