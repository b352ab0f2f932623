using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Modal.Client.Cli.Commands;

/// <summary><c>health</c>: probes every app's <c>GET /health</c> (a cold app's container starts, and Modal bills it).</summary>
internal static class HealthCommand
{
    private static readonly string[] Columns = ["App", "Healthy", "Status", "HTTP", "Time", "Error"];

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command("health", "Probe every app's GET /health. Exit code 0 when all are healthy, 1 otherwise. A probe starts a cold app's container, which Modal bills.");
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(context, async () =>
        {
            await using var session = await global.OpenSessionAsync(parse, context);
            var apps = await Task.WhenAll(ModalApp.All.Select(app => ProbeAsync(session.Client, app, cancellationToken)));
            var table = new Table { Title = new TableTitle("App health") };
            foreach (var column in Columns)
            {
                table.AddColumn(new TableColumn(column));
            }

            foreach (var app in apps)
            {
                table.AddRow(
                    new Text(app.App.Name),
                    new Text(app.IsHealthy ? "yes" : "no"),
                    new Text(app.Status ?? "-"),
                    new Text(app.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                    new Text(string.Create(CultureInfo.InvariantCulture, $"{app.Duration.TotalSeconds:0.00} s")),
                    new Text(app.Error ?? "-"));
            }

            context.Console.Write(table);
            var healthy = apps.Count(a => a.IsHealthy);
            context.Output.WriteLine($"{healthy} of {apps.Length} apps healthy.");
            return healthy == apps.Length ? ExitCodes.Success : ExitCodes.ModalError;
        }));
        return command;
    }

    /// <summary>
    /// Probes one app. <see cref="IModalClient.CheckHealthAsync(ModalApp, CancellationToken)"/> reports failures instead of
    /// throwing, except when the SDK's circuit breaker has opened for the app's host: then Polly's
    /// BrokenCircuitException escapes. That is reported here like any other failure to answer.
    /// </summary>
    private static async Task<ModalAppHealth> ProbeAsync(IModalClient client, ModalApp app, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            return await client.CheckHealthAsync(app, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModalAppHealth
            {
                App = app,
                IsHealthy = false,
                Duration = TimeProvider.System.GetElapsedTime(started),
                Error = $"The probe failed: {ex.Message}",
            };
        }
    }
}
