using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>The words for a progress report, shared by the live spinner and the plain lines.</summary>
internal static class ProgressText
{
    /// <summary>For example <c>/flux waiting for the app, 00:12 of ~00:29</c>.</summary>
    public static string Describe(ModalCallProgress p)
    {
        var typical = p.TypicalDuration is { } t ? $" of ~{Clock(t)}" : " (never benchmarked)";
        var stage = p.Stage switch
        {
            ModalCallStage.Queued => "queued for a free slot of the app",
            ModalCallStage.Sending => "sending the request",
            ModalCallStage.Waiting when p.Polls > 0 => $"waiting for the result URL ({Polls(p)} so far), {Clock(p.Elapsed)}{typical}",
            ModalCallStage.Waiting => $"waiting for the app, {Clock(p.Elapsed)}{typical}",
            ModalCallStage.Redirected => $"long call: Modal answered 303, polling the result URL ({Polls(p)}), {Clock(p.Elapsed)}{typical}",
            ModalCallStage.Retrying => $"retrying (attempt {p.Attempt})",
            ModalCallStage.Downloading => "downloading the result",
            ModalCallStage.Completed => "completed",
            _ => p.Stage.ToString(),
        };
        return $"{p.Endpoint} {stage}";
    }

    private static string Polls(ModalCallProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Polls} poll{(p.Polls == 1 ? "" : "s")}");

    /// <summary><c>mm:ss</c>, or <c>h:mm:ss</c> past an hour.</summary>
    public static string Clock(TimeSpan time) =>
        time.ToString(time >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);
}
