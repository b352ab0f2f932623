using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>Money and durations in the batch command's estimate, progress and summary.</summary>
internal static class BatchText
{
    public static string Usd(decimal? usd) => usd is { } value ? string.Create(CultureInfo.InvariantCulture, $"${value:0.000}") : "unknown";

    public static string Time(TimeSpan? time) => time switch
    {
        null => "unknown",
        { TotalSeconds: < 90 } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s"),
        { TotalMinutes: < 90 } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#} min"),
        { } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.#} h"),
    };
}
