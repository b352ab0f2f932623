using Spectre.Console;

namespace Modal.Client.Cli.Output;

/// <summary>
/// Runs a call with <see cref="ModalCallOptions.Progress"/> set: a live spinner with the stage, the elapsed time
/// against the endpoint's typical time and the 303 polls on a terminal; plain lines (<see cref="CallProgressLines"/>)
/// elsewhere.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliContext context, string endpoint, Func<ModalCallOptions, Task<T>> call)
    {
        if (!context.Interactive)
        {
            return await call(new ModalCallOptions { Progress = new CallProgressLines(context.Output) });
        }

        return await context.Console.Status().StartAsync(
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
