// Modal.Client benchmarks (issue #6). Modes:
//   (default)  BenchmarkDotNet: pass its arguments, e.g. --filter '*Image*' (build/bench.sh runs this in Release)
//   --load     50 concurrent calls through one client, SDK vs raw: calls/s and p50/p90/p99 latency
//              (--calls N, --rounds N)
//   --serve    the loopback server alone (started by the other modes as a child process)
using System.Globalization;
using BenchmarkDotNet.Running;
using Modal.Client.Benchmarks;

if (args.Contains("--serve"))
{
    await ServerProcess.ServeAsync();
    return 0;
}

using var server = ServerProcess.Start();
Environment.SetEnvironmentVariable(ServerProcess.UrlVariable, server.BaseUrl.AbsoluteUri);
Console.WriteLine($"Loopback server (child process): {server.BaseUrl}");

if (args.Contains("--load"))
{
    return await LoadTest.RunAsync(server.BaseUrl, Option("--calls", 50), Option("--rounds", 5));
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ServerProcess).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
