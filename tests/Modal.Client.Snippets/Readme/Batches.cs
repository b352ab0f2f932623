using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Batches".</summary>
internal static class Batches
{
    public static async Task RunAsync(IServiceProvider services, IEnumerable<string> prompts, CancellationToken cancellationToken)
    {
        #region batch
        var batch = services.GetRequiredService<ModalBatch>();
        var items = prompts.Select((p, i) => new ModalBatchItem(new FluxDevRequest { Prompt = p, Seed = i }));
        var options = new ModalBatchOptions { OutputFolder = "renders", Progress = new Progress<ModalBatchProgress>(p =>
            Console.WriteLine($"{p.Overall.Finished}/{p.Overall.Total}, ${p.SpentUsd}, ~{p.EstimatedRemainingTime} left")) };

        await foreach (var result in batch.RunAsync(items, options, cancellationToken))
        {
            Console.WriteLine($"{result.Line}: {result.Status} {result.FilePath ?? result.Error?.Message}");
        }
        #endregion
    }
}
