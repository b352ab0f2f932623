using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Modal.Client.ReliabilityTests.Support;
using Modal.Client.Testing;
using Xunit.Abstractions;

namespace Modal.Client.ReliabilityTests;

/// <summary>
/// Issue #7, part 4: with proxy-auth credentials configured, run successes and every kind of failure, then search
/// every log line, every exception (message and ToString) and every Activity tag: the secret appears nowhere, and
/// neither do the user's images (data URLs or their base64).
/// </summary>
[Collection(HeavyTests.Name)] // the ActivityListener is process-wide: keep other tests' activities out of it
public sealed class SecretsTests : IDisposable
{
    private const string TokenId = "wk-reliability-id";
    private const string Secret = "ws-RELIABILITY-SECRET-7f3c9a";
    private static readonly TimeSpan SyncLimit = TimeSpan.FromMilliseconds(50);

    private readonly ITestOutputHelper _output;
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Where, string? Text)> _activityText = new();
    private readonly ConcurrentQueue<Exception> _exceptions = new();

    public SecretsTests(ITestOutputHelper output)
    {
        _output = output;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Modal.Client", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Collect,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task ProxyAuthSecretAndUserMedia_AfterSuccessesAndEveryFailure_AppearInNoLogExceptionOrActivity()
    {
        using var fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = SyncLimit, ProxyAuthKey = TokenId, ProxyAuthSecret = Secret });
        using var harness = new ModalHarness(
            fake,
            o =>
            {
                o.ProxyAuth = new ModalProxyAuth { TokenId = TokenId, TokenSecret = Secret };
                o.Timeout = TimeSpan.FromSeconds(10);
            },
            // A host that turns HttpClient logging back on for every client must not get the headers either.
            s => s.ConfigureHttpClientDefaults(b => b.AddDefaultLogger()));
        var client = harness.Client;

        // Successes, with user media on the wire, direct and behind 303 chains.
        await Run(() => client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = SampleMedia.Face, Prompt = "portrait", Seed = 1 }));
        await Run(() => client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = SampleMedia.Clip, ReferenceImage = SampleMedia.Face }));
        await Run(() => client.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = SampleMedia.Face, Instruction = "make it night", Seed = 2 }));
        fake.Endpoint("/seedvr2").GenerationTime = SyncLimit * 3;
        await Run(() => client.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = SampleMedia.Face, Resolution = 128, Seed = 3 }));

        // Retries (logged as warnings), on the call and on the poll.
        fake.Endpoint("/flux-pulid").Inject(FakeFault.RateLimited, duration: TimeSpan.Zero).Inject(FakeFault.ServiceUnavailable);
        await Run(() => client.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = SampleMedia.Face, Prompt = "p", Width = 64, Height = 64 }));
        fake.Endpoint("/flux-ipadapter-faceid").GenerationTime = SyncLimit * 2;
        fake.Endpoint("/flux-ipadapter-faceid").InjectOnPoll(FakeFault.ConnectionReset).InjectOnPoll(FakeFault.ServiceUnavailable);
        await Run(() => client.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = SampleMedia.Face, Prompt = "p", Width = 64, Height = 64 }));

        // Every failure kind, each on an endpoint that carries user media.
        FakeFault[] failures =
        [
            FakeFault.WorkflowFailure, FakeFault.FunctionTerminated, FakeFault.RequestExpired, FakeFault.InvalidFunctionCall,
            FakeFault.InvalidCredentials, FakeFault.ConnectionReset, FakeFault.TruncatedBody, FakeFault.EmptyBody, FakeFault.HtmlErrorPage,
        ];
        foreach (var fault in failures)
        {
            fake.Endpoint("/qwen-image-inpaint-2511").Inject(fault);
            await Run(() => client.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = SampleMedia.Face, MaskImage = SampleMedia.Face, Prompt = "p" }));
        }

        fake.Endpoint("/wan2.6-r2v").GenerationTime = SyncLimit * 2;
        fake.Endpoint("/wan2.6-r2v").InjectOnPoll(FakeFault.TruncatedBody);
        await Run(() => client.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [SampleMedia.Clip], Prompt = "p", Width = 64, Height = 64, FrameCount = 2 }));

        // A timeout and a cancellation in flight.
        fake.Endpoint("/sdxl-instantid").GenerationTime = TimeSpan.FromSeconds(30);
        await Run(() => client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = SampleMedia.Face, Prompt = "p" }, new ModalCallOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Run(() => client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = SampleMedia.Face, Prompt = "p" }, cancellationToken: cts.Token));
        }

        // Bad input that carries media, and the SDK's own descriptions of the secret-bearing objects.
        await Run(() => client.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = SampleMedia.Clip }));
        Capture(() => ModalMedia.FromDataUrl("data:image/png;base64," + SampleMedia.FaceBase64[..20] + "!!"));
        var options = harness.Services.GetRequiredService<IOptions<ModalClientOptions>>().Value;
        string[] described = [options.ProxyAuth!.ToString(), options.ToString() ?? string.Empty, SampleMedia.Face.ToString()];

        // A second client whose secret the app rejects, and a third with a half-configured token.
        using (var wrong = new ModalHarness(fake, o => o.ProxyAuth = new ModalProxyAuth { TokenId = TokenId, TokenSecret = Secret + "-old" }))
        {
            await Run(() => wrong.Client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = SampleMedia.Face, Prompt = "p" }));
            AssertClean(wrong.Logs, [], Secret + "-old");
        }

        _output.WriteLine($"Searched {harness.Logs.Count} log records, {_exceptions.Count} exceptions, {_activityText.Count} activity texts (names, tags, events)");
        Assert.True(_exceptions.Count >= failures.Length + 4, $"Only {_exceptions.Count} exceptions were captured.");
        Assert.NotEmpty(harness.Logs.GetSnapshot());
        AssertClean(harness.Logs, described, Secret);
        Assert.Contains(fake.Journal.All, r => r.Headers.GetValueOrDefault("Modal-Secret") == Secret); // it was really sent
    }

    private async Task Run<T>(Func<Task<T>> call)
        where T : GeneratedMedia
    {
        try
        {
            await call().WaitAsync(CallOutcome.HangGuard);
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            _exceptions.Enqueue(ex);
        }
    }

    private void Capture(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            _exceptions.Enqueue(ex);
        }
    }

    private void AssertClean(FakeLogCollector logs, IEnumerable<string> described, string secret)
    {
        var haystack = new List<(string Where, string? Text)>();
        foreach (var record in logs.GetSnapshot())
        {
            haystack.Add(($"log {record.Category} message", record.Message));
            haystack.Add(($"log {record.Category} exception", record.Exception?.ToString()));
            foreach (var (key, value) in record.StructuredState ?? [])
            {
                haystack.Add(($"log {record.Category} state {key}", value));
            }

            foreach (var scope in record.Scopes)
            {
                haystack.Add(($"log {record.Category} scope", scope?.ToString()));
            }
        }

        foreach (var ex in _exceptions)
        {
            haystack.Add(($"{ex.GetType().Name}.Message", ex.Message));
            haystack.Add(($"{ex.GetType().Name}.ToString()", ex.ToString()));
            foreach (System.Collections.DictionaryEntry entry in ex.Data)
            {
                haystack.Add(($"{ex.GetType().Name}.Data", $"{entry.Key}={entry.Value}"));
            }
        }

        haystack.AddRange(_activityText);
        haystack.AddRange(described.Select(d => ("ToString()", (string?)d)));

        string[] forbidden = [secret, "data:image", "data:video", "iVBORw0KGgo", SampleMedia.FaceBase64.Substring(40, 24), Convert.ToBase64String(SampleMedia.Mp4Bytes)[..24]];
        foreach (var (where, text) in haystack)
        {
            foreach (var needle in forbidden)
            {
                Assert.False(
                    text?.Contains(needle, StringComparison.Ordinal) == true,
                    $"'{needle}' appeared in {where}: {text}");
            }
        }
    }

    private void Collect(Activity activity)
    {
        _activityText.Enqueue(("activity name", activity.DisplayName));
        _activityText.Enqueue(("activity status", activity.StatusDescription));
        foreach (var (key, value) in activity.TagObjects)
        {
            _activityText.Enqueue(($"activity tag {key}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var activityEvent in activity.Events)
        {
            _activityText.Enqueue(("activity event", activityEvent.Name));
            foreach (var (key, value) in activityEvent.Tags)
            {
                _activityText.Enqueue(($"activity event tag {key}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (key, value) in activity.Baggage)
        {
            _activityText.Enqueue(($"activity baggage {key}", value));
        }
    }
}
