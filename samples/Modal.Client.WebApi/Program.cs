using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Modal.Client;
using Modal.Client.Testing;
using Modal.Client.WebApi;

var builder = WebApplication.CreateBuilder(args);

// The "Modal" section of the configuration (Workspace, BaseUrl, AppUrls, timeouts...), validated on start. With none
// of Workspace, BaseUrl or AppUrls set, the sample calls an embedded fake deployment and answers offline: one setting
// (Modal:Workspace, or the environment variable Modal__Workspace) points it at a real workspace.
builder.Services.AddSingleton<EmbeddedFake>();
builder.Services.AddModalClient(builder.Configuration.GetSection(ModalClientOptions.SectionName));
builder.Services.AddOptions<ModalClientOptions>().Configure<EmbeddedFake>((options, fake) =>
{
    if (EmbeddedFake.IsNeeded(options))
    {
        options.UseFakeDeployment(fake.Deployment);
    }
});
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

// Resolve the options now: a bad value fails the start, and the log says which apps the sample calls.
ModalTargetLog.Write(app.Logger, app.Services.GetRequiredService<IOptions<ModalClientOptions>>().Value, app.Services.GetRequiredService<EmbeddedFake>());

app.Run();

/// <summary>The entry point, public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
