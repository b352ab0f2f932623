namespace Modal.Client.WebApi;

/// <summary>The start-up log lines that say which Modal apps the sample calls, so nobody wonders where requests go.</summary>
internal static partial class ModalTargetLog
{
    /// <summary>Logs the target: the embedded fake, or each app's base URL in the order the SDK resolves them.</summary>
    public static void Write(ILogger logger, ModalClientOptions options, EmbeddedFake fake)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (fake.IsRunning)
        {
            var baseUrl = fake.Deployment.BaseUrl;
            CallingFake(logger, baseUrl);
            return;
        }

        foreach (var app in ModalApp.All)
        {
            var url = UrlOf(options, app);
            CallingApp(logger, app.Name, url);
        }
    }

    /// <summary>AppUrls, then BaseUrl, then the URL composed from Workspace (as <see cref="ModalClientOptions"/> documents).</summary>
    private static string UrlOf(ModalClientOptions options, ModalApp app) =>
        options.AppUrls.TryGetValue(app.Name, out var url) ? url.ToString()
        : options.BaseUrl is { } baseUrl ? baseUrl.ToString()
        : $"https://{options.Workspace}--{app.Name}-comfyui-fastapi-app.modal.run";

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Modal.Client calls the embedded fake Modal deployment at {BaseUrl} (Modal.Client.Testing; results are synthetic test media). Set Modal:Workspace (for example the environment variable Modal__Workspace=ryla) to call a real workspace.")]
    private static partial void CallingFake(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Modal.Client calls {App} at {Url}")]
    private static partial void CallingApp(ILogger logger, string app, string url);
}
