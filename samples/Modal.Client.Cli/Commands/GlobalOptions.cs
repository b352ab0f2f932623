using System.CommandLine;
using System.Globalization;
using Modal.Client.Cli.Session;

namespace Modal.Client.Cli.Commands;

/// <summary>The options every subcommand takes: which apps to call.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Workspace { get; } = new("--workspace")
    {
        Description = $"Call the real apps of this Modal workspace (https://<workspace>--<app>-comfyui-fastapi-app.modal.run). Default: ${ModalTarget.WorkspaceVariable}.",
        HelpName = "name",
        Recursive = true,
    };

    public Option<Uri> BaseUrl { get; } = new("--base-url")
    {
        Description = $"Call one base URL for every app (a gateway, or a fake deployment). Default: ${ModalTarget.BaseUrlVariable}.",
        HelpName = "url",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (ModalTarget.TryParseUrl(text, out var url))
            {
                return url;
            }

            result.AddError($"--base-url: '{text}' is not an absolute http or https URL.");
            return null;
        },
    };

    public Option<double?> FakeSeconds { get; } = new("--fake-seconds")
    {
        Description = "Embedded fake only: simulated GPU seconds per call (default 0). Calls longer than "
            + $"{ModalSession.FakeSyncLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s answer 303 and are polled, as Modal does past 150 s.",
        HelpName = "seconds",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 600)
            {
                return seconds;
            }

            result.AddError($"--fake-seconds: '{text}' is not a number of seconds from 0 to 600.");
            return null;
        },
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Workspace);
        root.Options.Add(BaseUrl);
        root.Options.Add(FakeSeconds);
    }

    /// <summary>The apps this run calls.</summary>
    /// <exception cref="CliUsageException">The options and environment contradict each other.</exception>
    public ModalTarget Target(ParseResult parse, CliContext context) =>
        ModalTarget.Resolve(parse.GetValue(Workspace), parse.GetValue(BaseUrl), context.Environment);

    /// <summary>The embedded fake's simulated GPU time.</summary>
    public TimeSpan FakeGenerationTime(ParseResult parse) => TimeSpan.FromSeconds(parse.GetValue(FakeSeconds) ?? 0);

    /// <summary>Opens the session this run calls, and prints what it calls as the first line on standard error.</summary>
    public async Task<ModalSession> OpenSessionAsync(ParseResult parse, CliContext context)
    {
        var target = Target(parse, context);
        if (target.IsConfigured && parse.GetResult(FakeSeconds) is not null)
        {
            throw new CliUsageException("--fake-seconds only applies to the embedded fake deployment; drop it when calling a workspace or a base URL.");
        }

        var session = await ModalSession.OpenAsync(target, FakeGenerationTime(parse));
        context.Error.WriteLine(session.Banner);
        return session;
    }
}
