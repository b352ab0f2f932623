using Spectre.Console;

namespace Modal.Client.Cli.Output;

/// <summary>
/// Runs a call with <see cref="ModalCallOptions.Progress"/> set: a live spinner with the stage, the elapsed time
/// against the endpoint's typical time and the 303 polls when standard error is a terminal; plain lines
/// (<see cref="CallProgressLines"/>) elsewhere. Both on standard error: standard output carries only the result.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliContext context, string endpoint, Func<ModalCallOptions, Task<T>> call)
    {
        if (!context.Interactive)
        {
            return await call(new ModalCallOptions { Progress = new CallProgressLines(context.Error) });
        }

        return await context.ErrorConsole.Status().StartAsync(
            Markup.Escape($"{endpoint} starting"),
            async status => await call(new ModalCallOptions { Progress = new LiveStatus(status) }));
    }

    private sealed class LiveStatus(StatusContext status) : IProgress<ModalCallProgress>
    {
        private volatile bool _completed;

        public void Report(ModalCallProgress value)
        {
            if (_completed)
            {
                return;
            }

            _completed = value.Stage == ModalCallStage.Completed;
            status.Status(Markup.Escape(ProgressText.Describe(value)));
        }
    }
}
