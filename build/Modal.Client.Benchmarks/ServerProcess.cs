using System.Diagnostics;

namespace Modal.Client.Benchmarks;

/// <summary>
/// Runs <see cref="LoopbackServer"/> in a child process (this program with <c>--serve</c>), so that BenchmarkDotNet's
/// allocation counts (process-wide) hold the client's allocations only. The benchmark processes find it through
/// <see cref="UrlVariable"/>, which they inherit. The server stops when its standard input closes.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    public const string UrlVariable = "MODAL_BENCH_SERVER_URL";

    private const string Announcement = "listening ";

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The server's base URL in a benchmark process (set by the host program before the benchmarks start).</summary>
    public static Uri Current =>
        Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url
            ? new Uri(url)
            : throw new InvalidOperationException(
                $"{UrlVariable} is not set. Run the benchmarks through build/bench.sh (or this program's Main), which starts the loopback server in its own process.");

    public static ServerProcess Start()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--serve");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The loopback server process did not start.");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith(Announcement, StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"The loopback server did not announce its address (it printed '{line}').");
        }

        return new ServerProcess(process, new Uri(line[Announcement.Length..]));
    }

    /// <summary>Serves until standard input closes (the parent ended or disposed its <see cref="ServerProcess"/>).</summary>
    public static async Task ServeAsync()
    {
        var (app, baseUrl) = await LoopbackServer.StartAsync();
        Console.WriteLine(Announcement + baseUrl.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
