using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// Runs many calls, of any endpoints mixed, and yields each result as it completes. Get it from dependency injection
/// after <c>services.AddModalClient(...)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each call goes through <see cref="IModalClient"/> as a single call would: the per-app concurrency limit, the budget
/// guard, the cost ledger, retries and time budgets apply to every item. The batch keeps at most each app's
/// <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> items in flight (and <see cref="ModalBatchOptions.MaxInFlight"/>
/// overall), so it never starts more tasks than can run.
/// </para>
/// <para>
/// One item never stops the batch: each ends <see cref="ModalBatchStatus.Ok"/>, <see cref="ModalBatchStatus.Failed"/>
/// with its exception, or <see cref="ModalBatchStatus.Refused"/> before sending (an invalid request or a budget limit).
/// With <see cref="ModalBatchOptions.OutputFolder"/>, every result is written to a file and recorded in
/// <c>manifest.jsonl</c>, and running the same items into the same folder again skips those already done.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var items = prompts.Select(p =&gt; new ModalBatchItem(new FluxDevRequest { Prompt = p }));
/// await foreach (var result in batch.RunAsync(items, new ModalBatchOptions { OutputFolder = "out" }, cancellationToken))
/// {
///     Console.WriteLine($"{result.Line}: {result.Status} {result.FilePath ?? result.Error?.Message}");
/// }
/// </code>
/// </example>
public sealed class ModalBatch
{
    private readonly IModalClient _client;
    private readonly IOptionsMonitor<ModalClientOptions> _options;
    private readonly TimeProvider _timeProvider;

    internal ModalBatch(IModalClient client, IOptionsMonitor<ModalClientOptions> options, TimeProvider timeProvider)
    {
        _client = client;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Runs the items and yields each one's result as it ends (in completion order; items skipped because an earlier
    /// run finished them are yielded as they are read, with <see cref="ModalBatchResult.FromEarlierRun"/> set).
    /// </summary>
    /// <param name="items">The items; read lazily, <see cref="ModalBatchOptions.ReadAhead"/> ahead of those in flight.</param>
    /// <param name="options">The output folder, progress sink and limits; <see langword="null"/> for the defaults (in memory, no manifest).</param>
    /// <param name="cancellationToken">
    /// Stops the batch: no new item starts; items in flight get <see cref="ModalBatchOptions.CancellationGracePeriod"/> to
    /// finish, then are cancelled and reported failed. Their results are yielded (and recorded), then the enumeration
    /// ends without throwing. Run the same items into the same folder again to resume.
    /// </param>
    /// <returns>The results, as they complete.</returns>
    /// <exception cref="ArgumentException">The options are invalid; nothing was sent.</exception>
    public async IAsyncEnumerable<ModalBatchResult> RunAsync(
        IEnumerable<ModalBatchItem> items, ModalBatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new ModalBatchOptions();
        Validate(options);

        var started = _timeProvider.GetTimestamp();
        var appLimit = _options.CurrentValue.MaxConcurrentCallsPerApp;
        var estimateLimit = Math.Min(appLimit, options.MaxInFlight ?? int.MaxValue);   // calls of one app at once, for the time left
        var tally = new BatchTally();
        var manifest = options.OutputFolder is { } folder ? await BatchManifest.OpenAsync(folder, cancellationToken).ConfigureAwait(false) : null;
        using var calls = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() =>
        {
            try
            {
                calls.CancelAfter(options.CancellationGracePeriod);
            }
            catch (ObjectDisposedException)
            {
                // The batch already ended.
            }
        });

        var waiting = new Dictionary<ModalApp, Queue<(ModalBatchItem Item, int Line)>>();
        var inFlightPerApp = new Dictionary<ModalApp, int>();
        var running = new List<Task<ModalBatchResult>>();
        var lines = new HashSet<int>();
        var waitingCount = 0;
        var position = 0;
        var exhausted = false;
        using var source = items.GetEnumerator();
        try
        {
            while (true)
            {
                // Read ahead: refusals and items finished earlier end here, the rest wait for their app.
                while (!exhausted && !cancellationToken.IsCancellationRequested && waitingCount < options.ReadAhead)
                {
                    if (!source.MoveNext())
                    {
                        exhausted = true;
                        break;
                    }

                    position++;
                    var item = source.Current;
                    var line = item?.Line ?? position;
                    var immediate = Admit(item, line, lines, manifest);
                    if (immediate is not null)
                    {
                        if (!immediate.FromEarlierRun && manifest is not null)
                        {
                            await manifest.AppendAsync(immediate).ConfigureAwait(false);
                        }

                        tally.Finish(immediate, wasInFlight: false);
                        Report(options, tally, started, estimateLimit);
                        yield return immediate;
                        continue;
                    }

                    var app = item!.Endpoint!.App!;
                    if (!waiting.TryGetValue(app, out var queue))
                    {
                        waiting[app] = queue = new Queue<(ModalBatchItem, int)>();
                    }

                    queue.Enqueue((item, line));
                    waitingCount++;
                    tally.Wait(item.Endpoint);
                }

                // Start what the apps' limits allow, in input order per app.
                if (!cancellationToken.IsCancellationRequested)
                {
                    foreach (var (app, queue) in waiting)
                    {
                        while (queue.Count > 0
                            && inFlightPerApp.GetValueOrDefault(app) < appLimit
                            && (options.MaxInFlight is not { } max || running.Count < max))
                        {
                            var (item, line) = queue.Dequeue();
                            waitingCount--;
                            inFlightPerApp[app] = inFlightPerApp.GetValueOrDefault(app) + 1;
                            tally.Start(item.Endpoint!);
                            running.Add(RunItemAsync(item, line, manifest, options, calls.Token));
                        }
                    }

                    Report(options, tally, started, estimateLimit);
                }

                if (running.Count == 0)
                {
                    if (exhausted || cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    continue;
                }

                var done = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(done);
                var result = await done.ConfigureAwait(false);
                var endedApp = result.Endpoint!.App!;
                inFlightPerApp[endedApp]--;
                if (manifest is not null)
                {
                    await manifest.AppendAsync(result).ConfigureAwait(false);
                }

                tally.Finish(result, wasInFlight: true);
                Report(options, tally, started, estimateLimit);
                yield return result;
            }
        }
        finally
        {
            // The caller stopped enumerating (or something threw): cancel what is in flight and still record it.
            if (running.Count > 0)
            {
                await calls.CancelAsync().ConfigureAwait(false);
                foreach (var task in running)
                {
                    var result = await task.ConfigureAwait(false);
                    if (manifest is not null)
                    {
                        await manifest.AppendAsync(result).ConfigureAwait(false);
                    }
                }
            }

            if (manifest is not null)
            {
                await manifest.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void Validate(ModalBatchOptions options)
    {
        if (options.CancellationGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentException("ModalBatchOptions.CancellationGracePeriod must be zero or more.", "options.CancellationGracePeriod");
        }

        if (options.MaxInFlight is < 1)
        {
            throw new ArgumentException("ModalBatchOptions.MaxInFlight must be at least 1 (or null for the per-app limits alone).", "options.MaxInFlight");
        }

        if (options.ReadAhead < 1)
        {
            throw new ArgumentException("ModalBatchOptions.ReadAhead must be at least 1.", "options.ReadAhead");
        }

        if (options.OutputFolder is { } folder && string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException("ModalBatchOptions.OutputFolder must be a folder path, or null to keep results in memory.", "options.OutputFolder");
        }
    }

    /// <summary>An item that ends without a call: invalid, a repeated line, or finished by an earlier run; else <see langword="null"/>.</summary>
    private static ModalBatchResult? Admit(ModalBatchItem? item, int line, HashSet<int> lines, BatchManifest? manifest)
    {
        ArgumentException? refusal = item is null
            ? new ArgumentException($"Batch item {line} is null.")
            : item.Invalid
            ?? (line < 1 ? new ArgumentException($"ModalBatchItem.Line must be 1 or more (was {line}).")
            : !lines.Add(line) ? new ArgumentException($"Line {line} appears twice in the batch: each ModalBatchItem.Line may appear once.")
            : null);
        if (refusal is not null)
        {
            return new ModalBatchResult { Line = line, Endpoint = item?.Endpoint, Status = ModalBatchStatus.Refused, Error = refusal, Seed = BatchDispatch.SeedOf(item?.Request) };
        }

        if (manifest?.FinishedEarlier(line, item!.Endpoint!) is { } earlier)
        {
            return new ModalBatchResult
            {
                Line = line,
                Endpoint = item.Endpoint,
                Status = ModalBatchStatus.Ok,
                FilePath = manifest.FullPath(earlier.File!),
                Seed = earlier.Seed,
                CallId = earlier.CallId,
                CostUsd = earlier.CostUsd,
                Duration = earlier.DurationS is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                FromEarlierRun = true,
            };
        }

        return null;
    }

    private async Task<ModalBatchResult> RunItemAsync(
        ModalBatchItem item, int line, BatchManifest? manifest, ModalBatchOptions options, CancellationToken cancellationToken)
    {
        await Task.Yield();   // The dispatcher keeps reading and starting while this call runs.
        var endpoint = item.Endpoint!;
        var started = _timeProvider.GetTimestamp();
        var callOptions = new ModalCallOptions { ResultFile = manifest?.ResultPath(line, endpoint), Timeout = options.CallTimeout };
        try
        {
            var media = await item.CallAsync(_client, callOptions, cancellationToken).ConfigureAwait(false);
            var file = media.FilePath;
            if (file is not null && !string.Equals(Path.GetExtension(file), media.FileExtension, StringComparison.OrdinalIgnoreCase))
            {
                // The catalog's guess of the extension was wrong (inpaint answers a real JPEG): name the file after its bytes.
                var renamed = Path.ChangeExtension(file, media.FileExtension);
                File.Move(file, renamed, overwrite: true);
                file = renamed;
            }

            return new ModalBatchResult
            {
                Line = line,
                Endpoint = endpoint,
                Status = ModalBatchStatus.Ok,
                Media = media,
                FilePath = file,
                Seed = media.Seed,
                CallId = media.CallId,
                CostUsd = media.Cost.Usd,
                Duration = media.Duration,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or ModalBudgetExceededException)
        {
            return new ModalBatchResult { Line = line, Endpoint = endpoint, Status = ModalBatchStatus.Refused, Error = ex, Seed = BatchDispatch.SeedOf(item.Request) };
        }
        catch (Exception ex) when (ex is ModalException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            return new ModalBatchResult
            {
                Line = line,
                Endpoint = endpoint,
                Status = ModalBatchStatus.Failed,
                Error = ex,
                Seed = BatchDispatch.SeedOf(item.Request),
                CallId = (ex as ModalException)?.CallId,
                Duration = _timeProvider.GetElapsedTime(started),
                GpuWorkMayHaveRun = ex is not ModalException modal || modal.GpuWorkMayHaveRun,
            };
        }
    }

    private void Report(ModalBatchOptions options, BatchTally tally, long started, int appLimit)
    {
        if (options.Progress is { } progress)
        {
            progress.Report(tally.Snapshot(_timeProvider.GetElapsedTime(started), appLimit));
        }
    }
}
