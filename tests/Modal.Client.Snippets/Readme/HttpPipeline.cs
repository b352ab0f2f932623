using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Your handlers in the SDK's HTTP pipeline".</summary>
internal static class HttpPipeline
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region http-pipeline
        builder.Services.AddTransient<AuditHandler>();   // your DelegatingHandler
        builder.Services.AddModalClient(o => o.Workspace = "ryla")
            .ConfigureHttpClients(http =>
            {
                http.ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("x-tenant", "acme"));
                http.AddHttpMessageHandler<AuditHandler>();   // innermost: once per attempt, inside retry and breaker
                http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    Proxy = new WebProxy("http://proxy.internal:8080"),
                    AllowAutoRedirect = false,   // keep it: the SDK follows Modal's 303 result URLs itself
                });
            });
        #endregion
    }

    /// <summary>Stands in for the user's own handler.</summary>
    internal sealed class AuditHandler : DelegatingHandler;
}
