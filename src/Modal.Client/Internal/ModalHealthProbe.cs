using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>Calls an app's <c>GET /health</c> (<c>{"status":"healthy","app":"ryla-flux"}</c>).</summary>
internal sealed class ModalHealthProbe(IOptionsMonitor<ModalClientOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// The named client of health probes and deployment discovery: the SDK's pipeline without retries or circuit breaker,
    /// so a probe reports what it sees once, and probes never open the breaker that guards paid calls.
    /// </summary>
    public const string ProbeClientName = "Modal.Client.Probe";

    public async Task<ModalAppHealth> ProbeAsync(ModalApp app, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var url = AppUrlResolver.Combine(AppUrlResolver.Resolve(options.CurrentValue, app), "/health");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await httpClientFactory.CreateClient(ProbeClientName)
                .SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var status = ReadStatus(body);
            var healthy = response.IsSuccessStatusCode && status == "healthy";
            return new ModalAppHealth
            {
                App = app,
                IsHealthy = healthy,
                Status = status,
                StatusCode = (int)response.StatusCode,
                Duration = timeProvider.GetElapsedTime(started),
                Error = healthy ? null : $"GET /health answered {(int)response.StatusCode}{(status is null ? "" : $" with status '{status}'")}.",
            };
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Unhealthy(app, started, $"No answer within {timeout.TotalSeconds:0} s (a cold app may need minutes to start).");
        }
        catch (HttpRequestException ex)
        {
            return Unhealthy(app, started, $"The app could not be reached ({ex.HttpRequestError}).");
        }
        catch (InvalidOperationException ex)
        {
            // No URL configured for the app.
            return Unhealthy(app, started, ex.Message);
        }
    }

    private ModalAppHealth Unhealthy(ModalApp app, long started, string error)
        => new() { App = app, IsHealthy = false, Duration = timeProvider.GetElapsedTime(started), Error = error };

    private static string? ReadStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var status)
                ? status.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
