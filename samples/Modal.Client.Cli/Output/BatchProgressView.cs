using Modal.Client.Cli.Batch;
using Spectre.Console;

namespace Modal.Client.Cli.Output;

/// <summary>
/// Shows a running batch on standard error: a Spectre.Console progress bar per endpoint (and a total with the spend and
/// the time left) on a terminal; one plain line per finished item elsewhere, so CI logs stay readable.
/// </summary>
internal static class BatchProgressView
{
    public static async Task<List<ModalBatchResult>> RunAsync(
        CliContext context, IReadOnlyList<BatchLine> lines, Func<IProgress<ModalBatchProgress>, IAsyncEnumerable<ModalBatchResult>> run)
    {
        var latest = new Latest();
        var results = new List<ModalBatchResult>();
        if (!context.Interactive)
        {
            await foreach (var result in run(latest))
            {
                results.Add(result);
                context.WriteError($"[{results.Count}/{lines.Count}] {Describe(result)}{Totals(latest.Value)}");
            }

            return results;
        }

        await context.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var byEndpoint = lines.GroupBy(l => l.EndpointName).ToDictionary(
                    g => g.Key, g => (Task: progress.AddTask(Markup.Escape(g.Key), maxValue: g.Count()), Counts: new int[3]));
                var total = progress.AddTask("total", maxValue: lines.Count);
                await foreach (var result in run(latest))
                {
                    results.Add(result);
                    var (task, counts) = byEndpoint[result.Endpoint?.Path ?? "?"];
                    counts[(int)result.Status]++;
                    task.Increment(1);
                    task.Description = Markup.Escape($"{result.Endpoint?.Path ?? "?"}  {counts[0]} ok, {counts[1]} failed, {counts[2]} refused");
                    total.Increment(1);
                    total.Description = Markup.Escape($"total{Totals(latest.Value)}");
                }
            });
        return results;
    }

    public static string Describe(ModalBatchResult result)
    {
        var what = result.Status switch
        {
            ModalBatchStatus.Ok when result.FromEarlierRun => $"ok (done earlier) {Path.GetFileName(result.FilePath)}",
            ModalBatchStatus.Ok => $"ok {Path.GetFileName(result.FilePath)} ({BatchText.Time(result.Duration)}, {BatchText.Usd(result.CostUsd)})",
            ModalBatchStatus.Failed => $"failed{(result.GpuWorkMayHaveRun ? " (GPU work may have run)" : string.Empty)}: {result.Error?.Message}",
            _ => $"refused: {Message(result.Error)}",
        };
        return $"line {result.Line} {result.Endpoint?.Path ?? "?"} {what}";
    }

    public static string Message(Exception? error) => error switch
    {
        ArgumentException argument => CliErrors.MessageOf(argument),
        null => string.Empty,
        _ => error.Message,
    };

    private static string Totals(ModalBatchProgress? progress) => progress is null
        ? string.Empty
        : $" · spent {BatchText.Usd(progress.SpentUsd)}"
            + (progress.Overall.InFlight > 0 ? $", {progress.Overall.InFlight} running" : string.Empty)
            + (progress.EstimatedRemainingTime is { } left ? $", ~{BatchText.Time(left)} and ~{BatchText.Usd(progress.EstimatedRemainingCostUsd)} left" : string.Empty);

    /// <summary>Keeps the last report (synchronously: <see cref="Progress{T}"/> would post them out of order).</summary>
    private sealed class Latest : IProgress<ModalBatchProgress>
    {
        private volatile ModalBatchProgress? _value;

        public ModalBatchProgress? Value => _value;

        public void Report(ModalBatchProgress value) => _value = value;
    }
}
