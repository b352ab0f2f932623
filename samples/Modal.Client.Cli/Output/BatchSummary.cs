using Modal.Client.Cli.Batch;
using Spectre.Console;

namespace Modal.Client.Cli.Output;

/// <summary>The batch command's tables on standard output: the estimate before calling, the summary at the end.</summary>
internal static class BatchSummary
{
    public static void WriteEstimate(CliContext context, BatchPlan plan)
    {
        var table = new Table().Title("Estimate (catalog figures, warm containers)")
            .AddColumn("Endpoint").AddColumn(new TableColumn("Calls").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned())
            .AddColumn(new TableColumn($"Time at {plan.Concurrency} per app").RightAligned());
        foreach (var estimate in plan.Estimates)
        {
            table.AddRow(estimate.Endpoint.Path, estimate.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
                BatchText.Usd(estimate.TotalCostUsd), BatchText.Time(estimate.ConcurrentDuration));
        }

        table.AddRow("total", plan.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BatchText.Usd(plan.TotalCostUsd) + (plan.CostUnknown ? " + unknown" : string.Empty), BatchText.Time(plan.Duration));
        context.Console.Write(table);
        if (plan.AlreadyDone > 0)
        {
            context.Console.WriteLine($"{plan.AlreadyDone} line(s) already done in the output folder are skipped.");
        }

        if (plan.Invalid.Count > 0)
        {
            context.Console.WriteLine($"{plan.Invalid.Count} invalid line(s) will be refused without calling.");
        }
    }

    public static void WriteSummary(CliContext context, IReadOnlyList<BatchLine> lines, IReadOnlyList<ModalBatchResult> results, TimeSpan elapsed)
    {
        var table = new Table().Title("Batch summary")
            .AddColumn("Endpoint").AddColumn(new TableColumn("ok").RightAligned()).AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("refused").RightAligned()).AddColumn(new TableColumn("not run").RightAligned())
            .AddColumn(new TableColumn("Spend").RightAligned()).AddColumn(new TableColumn("GPU time").RightAligned());
        var byLine = results.ToDictionary(r => r.Line);
        foreach (var group in lines.GroupBy(l => l.EndpointName).Append(lines.GroupBy(_ => "total").Single()))
        {
            var own = group.Select(l => byLine.GetValueOrDefault(l.Line)).ToList();
            var ran = own.Where(r => r is { FromEarlierRun: false }).ToList();
            table.AddRow(
                group.Key,
                Count(own, ModalBatchStatus.Ok) + (own.Count(r => r?.FromEarlierRun == true) is > 0 and var earlier ? $" ({earlier} earlier)" : string.Empty),
                Count(own, ModalBatchStatus.Failed),
                Count(own, ModalBatchStatus.Refused),
                own.Count(r => r is null).ToString(System.Globalization.CultureInfo.InvariantCulture),
                BatchText.Usd(ran.Sum(r => r!.Status == ModalBatchStatus.Ok ? r.CostUsd ?? 0 : 0)),
                BatchText.Time(ran.Aggregate(TimeSpan.Zero, (sum, r) => sum + (r!.Duration ?? TimeSpan.Zero))));
        }

        context.Console.Write(table);
        context.Console.WriteLine($"Wall time: {BatchText.Time(elapsed)}.");
    }

    private static string Count(List<ModalBatchResult?> results, ModalBatchStatus status) =>
        results.Count(r => r?.Status == status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
