using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>
/// The one format for documented and estimated durations (catalog, recommend, batch estimates): <c>6 s</c>,
/// <c>1 min 05 s</c>, <c>2 h 05 min</c>; approximate figures get a leading <c>~</c>.
/// </summary>
internal static class TimeText
{
    public static string Approximate(TimeSpan time) => "~" + Exact(time);

    public static string Exact(TimeSpan time)
    {
        var invariant = CultureInfo.InvariantCulture;
        var seconds = (long)Math.Round(time.TotalSeconds, MidpointRounding.AwayFromZero);
        return seconds switch
        {
            < 60 => string.Create(invariant, $"{seconds} s"),
            < 3600 => string.Create(invariant, $"{seconds / 60} min {seconds % 60:00} s"),
            _ => string.Create(invariant, $"{seconds / 3600} h {seconds % 3600 / 60:00} min"),
        };
    }
}
