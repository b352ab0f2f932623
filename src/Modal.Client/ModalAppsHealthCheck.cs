using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Modal.Client;

/// <summary>
/// An ASP.NET Core health check over every app's <c>GET /health</c>:
/// <c>services.AddHealthChecks().AddCheck&lt;ModalAppsHealthCheck&gt;("modal")</c>. Healthy when all apps are,
/// degraded when some are, unhealthy when none is.
/// </summary>
/// <remarks>A probe of a cold app starts its container, which Modal bills; keep the probe interval long.</remarks>
/// <param name="client">The client whose apps are probed.</param>
public sealed class ModalAppsHealthCheck(IModalClient client) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var apps = await client.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        var data = apps.ToDictionary(a => a.App.Name, a => (object)(a.IsHealthy ? "healthy" : a.Error ?? "unhealthy"));
        var healthy = apps.Count(a => a.IsHealthy);
        return healthy == apps.Count ? HealthCheckResult.Healthy("All Modal apps are healthy.", data)
            : healthy == 0 ? new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "No Modal app is healthy.", data: data)
            : HealthCheckResult.Degraded($"{apps.Count - healthy} of {apps.Count} Modal apps are not healthy.", data: data);
    }
}
