using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>What the CLI prints about one result: endpoint, seed, media type, size, duration, cost and Modal's call id.</summary>
internal static class ResultReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, GeneratedMedia media, ModalEndpoint endpoint, string path, int? askedWidth = null, int? askedHeight = null) =>
        new KeyValueLines()
            .Add("saved", path)
            .Add("endpoint", $"{media.Endpoint} ({endpoint.App}, {endpoint.Title})")
            .Add("seed", media.Seed?.ToString(Invariant) ?? "none (this endpoint takes no seed)")
            .Add("media type", MediaType(media))
            .Add("size", Size(media) + SizeNote(media, askedWidth, askedHeight))
            .Add("duration", Duration(media, endpoint))
            .Add("cost", Cost(media, endpoint))
            .Add("call id", media.CallId ?? "none (Modal sent no call id)")
            .WriteTo(output);

    /// <summary>The session's spend from the SDK's cost ledger (a failed call that may have run GPU work counts too).</summary>
    public static void WriteSpend(TextWriter output, ModalSpendSnapshot spend) =>
        output.WriteLine(SpendLine(spend));

    /// <summary>For example <c>session spend: $0.015718 over 1 call(s) ($0.000000 reported, $0.015718 estimated)</c>.</summary>
    public static string SpendLine(ModalSpendSnapshot spend) => string.Create(
        Invariant,
        $"session spend: ${spend.Total.TotalUsd:0.000000} over {spend.Total.Calls} call(s) (${spend.Total.ReportedUsd:0.000000} reported, ${spend.Total.EstimatedUsd:0.000000} estimated)");

    /// <summary>The cost line of one result, as in the result block.</summary>
    public static string CostLine(GeneratedMedia media, ModalEndpoint endpoint) => "cost: " + Cost(media, endpoint);

    private static string MediaType(GeneratedMedia media)
    {
        var kind = media is GeneratedVideo { IsAnimatedWebP: true } ? " (animated WebP)" : string.Empty;
        var label = media.ServerContentType is { } served && !served.StartsWith(media.MediaType, StringComparison.OrdinalIgnoreCase)
            ? $"; the server labelled it {served}"
            : string.Empty;
        return $"{media.MediaType}{kind}{label}";
    }

    private static string Size(GeneratedMedia media)
    {
        var bytes = string.Create(Invariant, $"{media.Length:N0} bytes");
        return media switch
        {
            GeneratedImage { Width: { } width, Height: { } height } => string.Create(Invariant, $"{bytes}, {width}x{height} px"),
            GeneratedVideo { Width: { } width, Height: { } height } video => string.Create(
                Invariant,
                $"{bytes}, {width}x{height} px{(video.FrameCount is { } frames ? $", {frames} frames" : "")}{(video.FrameRate is { } fps ? $" at {fps:0.##} fps" : "")}"),
            _ => bytes,
        };
    }

    /// <summary>When the file's size differs from the one asked for: the latent nodes floor sizes to multiples of 8.</summary>
    internal static string SizeNote(GeneratedMedia media, int? askedWidth, int? askedHeight)
    {
        var (width, height) = media switch
        {
            GeneratedImage image => (image.Width, image.Height),
            GeneratedVideo video => (video.Width, video.Height),
            _ => (null, null),
        };
        var differs = (askedWidth is { } w && width is { } gotW && w != gotW) || (askedHeight is { } h && height is { } gotH && h != gotH);
        return differs
            ? string.Create(Invariant, $" (asked for {askedWidth?.ToString(Invariant) ?? "default"}x{askedHeight?.ToString(Invariant) ?? "default"}: the server floors sizes to multiples of 8 or follows its source)")
            : string.Empty;
    }

    private static string Duration(GeneratedMedia media, ModalEndpoint endpoint)
    {
        var text = string.Create(Invariant, $"{media.Duration.TotalSeconds:0.0} s");
        var details = new List<string>();
        if (endpoint.TypicalDuration is { } typical)
        {
            details.Add(string.Create(Invariant, $"typical ~{typical.TotalSeconds:0} s"));
        }

        if (media.ResultUrlPolls > 0)
        {
            details.Add(string.Create(Invariant, $"{media.ResultUrlPolls} result-URL poll(s) after 303"));
        }

        if (media.Retries > 0)
        {
            details.Add(string.Create(Invariant, $"{media.Retries} retr{(media.Retries == 1 ? "y" : "ies")}"));
        }

        if (media.QueueTime >= TimeSpan.FromSeconds(0.1))
        {
            details.Add(string.Create(Invariant, $"queued {media.QueueTime.TotalSeconds:0.0} s"));
        }

        return details.Count == 0 ? text : $"{text} ({string.Join(", ", details)})";
    }

    private static string Cost(GeneratedMedia media, ModalEndpoint endpoint)
    {
        var source = media.Cost.IsEstimate ? "estimated from the wall-clock time" : "reported by the server";
        var documented = endpoint.DocumentedCostUsd is { } usd ? string.Create(Invariant, $"; documented ~${usd:0.000} per call") : string.Empty;
        return string.Create(Invariant, $"${media.Cost.Usd:0.000000} ({source}{documented})");
    }
}
