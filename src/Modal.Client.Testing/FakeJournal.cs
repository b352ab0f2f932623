using System.Collections.Concurrent;

namespace Modal.Client.Testing;

/// <summary>
/// Everything the fake deployment received, with per-endpoint counters. Thread-safe; read it after the calls under
/// test have completed.
/// </summary>
public sealed class FakeJournal
{
    private readonly ConcurrentQueue<FakeRequest> received = new();
    private readonly ConcurrentDictionary<string, Counters> counters = new(StringComparer.Ordinal);

    internal FakeJournal()
    {
    }

    /// <summary>Every recorded request, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> All => [.. received];

    /// <summary>The requests received on <paramref name="path"/> (calls and polls), in arrival order.</summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>, or any other path that was requested.</param>
    /// <returns>The matching requests.</returns>
    public IReadOnlyList<FakeRequest> Received(string path) =>
        [.. received.Where(r => string.Equals(r.Path, Normalize(path), StringComparison.Ordinal))];

    /// <summary>
    /// The calls (POSTs without a function call id) received on <paramref name="path"/>, whatever their outcome,
    /// rejected ones included.
    /// </summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int Requests(string path) => Get(path).Requests;

    /// <summary>The result-URL requests (<c>?__modal_function_call_id=…</c>) received for <paramref name="path"/>.</summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int Polls(string path) => Get(path).Polls;

    /// <summary>
    /// The calls on <paramref name="path"/> that started GPU work: they passed the handler's checks and started a
    /// run, whether it then succeeded or failed (workflow failures count). Validation errors, platform rejections
    /// (429, 503, 401, 404) and unknown routes do not count: this is what a paid retry would re-run.
    /// </summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int GpuRunsStarted(string path) => Get(path).GpuRuns;

    /// <summary>The started GPU runs over all endpoints.</summary>
    public int TotalGpuRunsStarted => counters.Values.Sum(c => Volatile.Read(ref c.GpuRuns));

    /// <summary>Forgets every recorded request and counter.</summary>
    public void Reset()
    {
        received.Clear();
        counters.Clear();
    }

    internal void Record(FakeRequest request) => received.Enqueue(request);

    internal void CountRequest(string path) => Interlocked.Increment(ref For(path).Requests);

    internal void CountPoll(string path) => Interlocked.Increment(ref For(path).Polls);

    internal void CountGpuRun(string path) => Interlocked.Increment(ref For(path).GpuRuns);

    private static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('/') ? path : "/" + path;
    }

    private Counters For(string path) => counters.GetOrAdd(path, _ => new Counters());

    private (int Requests, int Polls, int GpuRuns) Get(string path) =>
        counters.TryGetValue(Normalize(path), out var c)
            ? (Volatile.Read(ref c.Requests), Volatile.Read(ref c.Polls), Volatile.Read(ref c.GpuRuns))
            : (0, 0, 0);

    private sealed class Counters
    {
        // Fields, not properties: they are updated with Interlocked.
        public int Requests;
        public int Polls;
        public int GpuRuns;
    }
}
