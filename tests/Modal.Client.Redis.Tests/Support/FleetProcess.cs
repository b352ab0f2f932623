using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Modal.Client.Redis.Tests.Support;

/// <summary>
/// One process of a fleet: Modal.Client.Redis.TestWorker, started with <c>dotnet</c>. It prints <c>ready</c>, waits for
/// <see cref="Go"/>, makes its calls and prints one JSON line per call, then <c>done</c>.
/// </summary>
internal sealed class FleetProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<JsonObject> _results = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FleetProcess(Process process) => _process = process;

    public IReadOnlyList<JsonObject> Results => [.. _results];

    public static FleetProcess Start(IReadOnlyDictionary<string, string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Modal.Client.Redis.TestWorker.dll"));
        foreach (var (name, value) in arguments)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value);
        }

        var fleet = new FleetProcess(Process.Start(start)!);
        fleet._process.OutputDataReceived += (_, e) => fleet.OnLine(e.Data);
        fleet._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (fleet._errors)
                {
                    fleet._errors.AppendLine(e.Data);
                }
            }
        };
        fleet._process.Exited += (_, _) => fleet._ready.TrySetException(new InvalidOperationException("The worker exited before it was ready: " + fleet.Errors));
        fleet._process.EnableRaisingEvents = true;
        fleet._process.BeginOutputReadLine();
        fleet._process.BeginErrorReadLine();
        return fleet;
    }

    /// <summary>Starts the processes, waits until all are ready, starts them together and returns when all are done.</summary>
    public static async Task<IReadOnlyList<FleetProcess>> RunAsync(int count, IReadOnlyDictionary<string, string> arguments)
    {
        var fleet = Enumerable.Range(0, count).Select(_ => Start(arguments)).ToList();
        try
        {
            await Task.WhenAll(fleet.Select(p => p.ReadyAsync()));
            foreach (var process in fleet)
            {
                process.Go();
            }

            await Task.WhenAll(fleet.Select(p => p.DoneAsync()));
            return fleet;
        }
        catch
        {
            foreach (var process in fleet)
            {
                process.Dispose();
            }

            throw;
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public Task ReadyAsync() => _ready.Task.WaitAsync(Patience);

    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    public async Task DoneAsync()
    {
        try
        {
            await _done.Task.WaitAsync(Patience);
            await _process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"A worker did not finish within {Patience.TotalSeconds} s; {_results.Count} results; stderr: {Errors}");
        }
    }

    /// <summary>Kills the process and its children, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static Dictionary<string, string> Arguments(params (string Name, object Value)[] pairs)
        => pairs.ToDictionary(p => p.Name, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal);

    private void OnLine(string? line)
    {
        switch (line)
        {
            case null:
                return;
            case "ready":
                _ready.TrySetResult();
                return;
            case "done":
                _done.TrySetResult();
                return;
        }

        if (line.StartsWith('{') && JsonNode.Parse(line) is JsonObject result)
        {
            _results.Enqueue(result);
        }
    }
}
