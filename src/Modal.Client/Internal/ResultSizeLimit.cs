using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>The largest result a call accepts (<see cref="ModalClientOptions.MaxResultBytes"/>), and who to blame when it is passed.</summary>
/// <param name="MaxBytes">The limit in bytes.</param>
/// <param name="Endpoint">The endpoint called.</param>
/// <param name="CallId">Modal's function call id, when known.</param>
internal readonly record struct ResultSizeLimit(long MaxBytes, ModalEndpoint Endpoint, string? CallId = null)
{
    /// <summary>The result (of <paramref name="resultBytes"/> bytes, or unknown) is larger than <see cref="MaxBytes"/>.</summary>
    public ModalResultTooLargeException Exceeded(long? resultBytes) => Create(
        resultBytes,
        MaxBytes,
        resultBytes is { } size
            ? $"its result is {Describe(size)}, more than ModalClientOptions.MaxResultBytes, {Describe(MaxBytes)}, so it was not downloaded. "
            : $"its result passed ModalClientOptions.MaxResultBytes, {Describe(MaxBytes)}, while downloading (the server declared no Content-Length), so it was dropped. ",
        "Raise ModalClientOptions.MaxResultBytes to accept larger results.");

    /// <summary>The result cannot be held in one array, whatever the option says.</summary>
    public ModalResultTooLargeException TooLargeForMemory(long? resultBytes) => Create(
        resultBytes,
        Array.MaxLength,
        $"its result is {(resultBytes is { } size ? Describe(size) : "larger than " + Describe(Array.MaxLength))}, more than one in-memory result can hold, {Describe(Array.MaxLength)}, so it was not downloaded. ",
        "Stream results this large to a file (ModalCallOptions.ResultFile).");

    internal static string Describe(long bytes)
    {
        var text = bytes switch
        {
            >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
            >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MiB",
            >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.##", CultureInfo.InvariantCulture) + " KiB",
            _ => null,
        };
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        return text is null ? exact : $"{exact} ({text})";
    }

    private ModalResultTooLargeException Create(long? resultBytes, long limit, string what, string fix) => new(
        $"{Endpoint.Path}: the GPU job ran and was probably billed, but {what}{fix}"
        + (CallId is null ? string.Empty : $" Modal call id: {CallId}."),
        Endpoint,
        resultBytes,
        limit)
    {
        App = Endpoint.App?.Name,
        CallId = CallId,
    };
}
