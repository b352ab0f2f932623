using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>Prints a configured duration the way it was configured: <c>2.5 s</c> under a minute, <c>00:20:00</c> beyond.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration) => duration < TimeSpan.FromMinutes(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s")
        : duration.ToString("c", CultureInfo.InvariantCulture);
}
