using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Observability".</summary>
internal static class Observability
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region opentelemetry
        // dotnet add package OpenTelemetry.Extensions.Hosting
        // dotnet add package OpenTelemetry.Instrumentation.Http
        // (plus an exporter, for example OpenTelemetry.Exporter.OpenTelemetryProtocol and .UseOtlpExporter())
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource("Modal.Client").AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter("Modal.Client"));
        #endregion
    }
}
