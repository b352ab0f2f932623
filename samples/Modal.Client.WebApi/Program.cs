using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Modal.Client;
using Modal.Client.WebApi;

var builder = WebApplication.CreateBuilder(args);

// The "Modal" section of appsettings.json (Workspace, BaseUrl, AppUrls, timeouts...), validated on start.
builder.Services.AddModalClient(builder.Configuration.GetSection(ModalClientOptions.SectionName));
builder.Services.AddModalImageGenerator();   // IImageGenerator (Microsoft.Extensions.AI): see AIImageEndpoints.cs
builder.Services.AddProblemDetails();

// GET /health probes every app's GET /health. A probe starts a cold app's container, which Modal bills: keep it out of
// frequent liveness checks.
builder.Services.AddHealthChecks().AddCheck<ModalAppsHealthCheck>("modal");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapImages();
app.MapAIImages();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });

app.Run();

/// <summary>The entry point, public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
