using System.Collections.Concurrent;

namespace Modal.Client.Testing;

/// <summary>
/// Everything the fake deployment received. Members that return lists are plural nouns (<see cref="Requests"/>,
/// <see cref="Calls"/>, <see cref="Polls"/>); members that return numbers end in <c>Count</c>
/// (<see cref="RequestCount"/>, <see cref="CallCount"/>, <see cref="PollCount"/>, <see cref="GpuRunCount"/>), and
/// <c>XCount(path)</c> is always <c>X(path).Count</c>. Thread-safe; read it after the calls under test have completed.
/// </summary>
/// <example>
/// <code>
/// Assert.Equal(1, fake.Journal.CallCount("/flux"));                  // one POST, however many polls followed
/// var body = fake.Journal.Calls("/flux")[0].BodyAsJson()!;           // what the SDK sent
/// Assert.Equal(0, fake.Journal.GpuRunCount("/z-image-danrisi"));     // refused before any GPU work
/// </code>
/// </example>
public sealed class FakeJournal
{
    private readonly ConcurrentQueue<FakeRequest> received = new();
    private readonly ConcurrentDictionary<string, Counter> gpuRuns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InFlight> inFlight = new(StringComparer.Ordinal);

    internal FakeJournal()
    {
    }

    /// <summary>Every recorded request on every path, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> All => [.. received];

    /// <summary>
    /// Every request received on <paramref name="path"/>, in arrival order: calls, result-URL polls, and requests
    /// the fake refused (wrong method, another app's port, proxy auth).
    /// </summary>
    /// <param name="path">An endpoint path such as <c>/flux</c> (the leading slash is optional), or any other path that was requested.</param>
    /// <returns>The matching requests; empty when there were none.</returns>
    public IReadOnlyList<FakeRequest> Requests(string path)
    {
        var normalized = Normalize(path);
        return [.. received.Where(r => string.Equals(r.Path, normalized, StringComparison.Ordinal))];
    }

    /// <summary>How many requests were received on <paramref name="path"/>: <c>Requests(path).Count</c>.</summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int RequestCount(string path) => Requests(path).Count;

    /// <summary>
    /// The calls of the endpoint at <paramref name="path"/>, in arrival order: POSTs that are not result-URL polls,
    /// whatever their outcome (validation errors, platform rejections and proxy-auth refusals included). Each has the
    /// <see cref="FakeRequest.FunctionCallId"/> the fake assigned. A POST on a port of another app is not a call.
    /// </summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The calls; empty when there were none.</returns>
    public IReadOnlyList<FakeRequest> Calls(string path) =>
        [.. Requests(path).Where(r => !r.IsResultPoll && r.FunctionCallId is not null && r.Method == "POST")];

    /// <summary>How many calls the endpoint at <paramref name="path"/> received: <c>Calls(path).Count</c>.</summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int CallCount(string path) => Calls(path).Count;

    /// <summary>
    /// The result-URL requests (<c>{path}?__modal_function_call_id=fc-…</c>) received for <paramref name="path"/>, in
    /// arrival order.
    /// </summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The polls; empty when there were none.</returns>
    public IReadOnlyList<FakeRequest> Polls(string path) => [.. Requests(path).Where(r => r.IsResultPoll)];

    /// <summary>How many result-URL requests were received for <paramref name="path"/>: <c>Polls(path).Count</c>.</summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int PollCount(string path) => Polls(path).Count;

    /// <summary>
    /// How many calls on <paramref name="path"/> started GPU work: they passed the handler's checks and started a run,
    /// whether it then succeeded or failed (workflow failures count). Validation errors, platform rejections (429, 503,
    /// 401, 404) and unknown routes do not count: this is what a paid retry would re-run.
    /// </summary>
    /// <param name="path">An endpoint path such as <c>/flux</c>.</param>
    /// <returns>The count.</returns>
    public int GpuRunCount(string path) =>
        gpuRuns.TryGetValue(Normalize(path), out var counter) ? Volatile.Read(ref counter.Value) : 0;

    /// <summary>How many calls started GPU work, over all endpoints.</summary>
    public int TotalGpuRunCount => gpuRuns.Values.Sum(c => Volatile.Read(ref c.Value));

    /// <summary>
    /// How many GPU runs of the app's endpoints are running now: started (as <see cref="GpuRunCount"/> counts them) and
    /// not yet at the end of their simulated time. A run whose connection was reset counts until the reset; a run whose
    /// result URL is never polled again counts until <see cref="Reset"/>.
    /// </summary>
    /// <param name="app">A Modal app name, for example <c>ryla-flux</c> (<see cref="FakeEndpoint.App"/>).</param>
    /// <returns>The count.</returns>
    public int GpuRunsInFlightCount(string app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return inFlight.TryGetValue(app, out var counter) ? counter.Current : 0;
    }

    /// <summary>
    /// The most GPU runs of the app's endpoints that were running at the same moment since start or <see cref="Reset"/>:
    /// what a client-side concurrency limit (<c>MaxConcurrentCallsPerApp</c>, shared or not) must keep within bounds.
    /// </summary>
    /// <param name="app">A Modal app name, for example <c>ryla-flux</c> (<see cref="FakeEndpoint.App"/>).</param>
    /// <returns>The count.</returns>
    /// <example>
    /// <code>
    /// Assert.InRange(fake.Journal.PeakGpuRunsInFlightCount("ryla-flux"), 1, 4);
    /// </code>
    /// </example>
    public int PeakGpuRunsInFlightCount(string app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return inFlight.TryGetValue(app, out var counter) ? counter.Peak : 0;
    }

    /// <summary>Forgets every recorded request and count.</summary>
    public void Reset()
    {
        received.Clear();
        gpuRuns.Clear();
        inFlight.Clear();
    }

    internal void Record(FakeRequest request) => received.Enqueue(request);

    // Calls and polls are counted from the recorded requests; the router still reports them.
#pragma warning disable CA1822, IDE0060 // kept as instance members with a path: the router's calls stay as they are
    internal void CountRequest(string path)
    {
    }

    internal void CountPoll(string path)
    {
    }
#pragma warning restore CA1822, IDE0060

    internal void RunStarted(string app) => inFlight.GetOrAdd(app, _ => new InFlight()).Add(1);

    internal void RunEnded(string app) => inFlight.GetOrAdd(app, _ => new InFlight()).Add(-1);

    internal void CountGpuRun(string path) => Interlocked.Increment(ref gpuRuns.GetOrAdd(path, _ => new Counter()).Value);

    private static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('/') ? path : "/" + path;
    }

    private sealed class InFlight
    {
        private readonly Lock gate = new();

        public int Current { get; private set; }

        public int Peak { get; private set; }

        public void Add(int delta)
        {
            lock (gate)
            {
                Current = Math.Max(Current + delta, 0);
                Peak = Math.Max(Peak, Current);
            }
        }
    }

    private sealed class Counter
    {
        // A field, not a property: it is updated with Interlocked.
        public int Value;
    }
}
