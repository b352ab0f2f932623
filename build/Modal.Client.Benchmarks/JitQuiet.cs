namespace Modal.Client.Benchmarks;

/// <summary>
/// Warms a benchmark's call until the JIT is quiet, as issue 18 measures ("the .NET clients warmed until the JIT is
/// quiet"): tiered compilation recompiles a hot method at tier 1 on a background thread only after 100 ms in which no new
/// tier-0 method was compiled, and dynamic PGO adds an instrumented tier in between. BenchmarkDotNet's warm-up
/// iterations alone can end before that settles, and a client with more methods (the SDK's layers) settles later, so
/// its measured iterations would include JIT work on another core. Each benchmark process runs this once for its own
/// benchmark, before BenchmarkDotNet's warm-up.
/// </summary>
internal static class JitQuiet
{
    /// <summary>At least <paramref name="minimumCalls"/> calls, then rounds of <paramref name="roundCalls"/> calls and a
    /// 200 ms pause until a round compiles no method (at most 50 rounds).</summary>
    public static async Task WarmUpAsync(Func<Task> call, int minimumCalls = 3_000, int roundCalls = 1_000)
    {
        for (var i = 0; i < minimumCalls; i++)
        {
            await call().ConfigureAwait(false);
        }

        for (var round = 0; round < 50; round++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < roundCalls; i++)
            {
                await call().ConfigureAwait(false);
            }

            await Task.Delay(200).ConfigureAwait(false);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() == compiled)
            {
                return;
            }
        }
    }
}
