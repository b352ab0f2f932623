namespace Modal.Client.Cli.Output;

/// <summary>
/// Progress as plain lines for logs and pipes: nothing for a quick call; once a call runs past
/// <see cref="LongCallThreshold"/> (or Modal answers 303, or a retry starts), one line per stage change — never one per
/// heartbeat.
/// </summary>
internal sealed class CallProgressLines(TextWriter output) : IProgress<ModalCallProgress>
{
    /// <summary>From when on a call counts as long and its stages are printed.</summary>
    public static readonly TimeSpan LongCallThreshold = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private ModalCallProgress? _last;
    private bool _printing;
    private bool _completed;

    public void Report(ModalCallProgress value)
    {
        lock (_gate)
        {
            // The SDK's once-a-second heartbeat runs on a timer and may arrive after the call completed.
            if (_completed)
            {
                return;
            }

            _completed = value.Stage == ModalCallStage.Completed;
            var changed = _last is null || _last.Stage != value.Stage || _last.Polls != value.Polls || _last.Attempt != value.Attempt;
            _last = value;
            if (!_printing && (value.Elapsed >= LongCallThreshold || value.Stage is ModalCallStage.Redirected or ModalCallStage.Retrying))
            {
                _printing = changed = true;
            }

            if (_printing && changed)
            {
                output.WriteLine($"  [{ProgressText.Clock(value.Elapsed)}] {ProgressText.Describe(value)}");
            }
        }
    }
}
