using System.Text.Encodings.Web;
using System.Text.Json;

namespace Modal.Client.Cli.Output;

/// <summary>
/// <c>--json</c>: one JSON object on standard output, for scripts. A result:
/// <c>{"ok":true,"saved":…,"requestedPath":…,"endpoint":…,"app":…,"seed":…,"mediaType":…,"serverContentType":…,"bytes":…,"width":…,"height":…,"durationSeconds":…,"costUsd":…,"costSource":…,"callId":…,"resultUrlPolls":…,"retries":…,"sessionSpendUsd":…}</c>;
/// a failure: <c>{"ok":false,"error":{"type":…,"message":…,"endpoint":…,"statusCode":…,"callId":…,"gpuWorkMayHaveRun":…},"sessionSpendUsd":…}</c>.
/// </summary>
internal static class ResultJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteResult(TextWriter output, GeneratedMedia media, ModalEndpoint endpoint, string? saved, string? requestedPath, ModalSpendSnapshot spend)
    {
        Write(output, json =>
        {
            json.WriteBoolean("ok", saved is not null && (requestedPath is null || saved == requestedPath));
            json.WriteString("saved", saved);
            json.WriteString("requestedPath", requestedPath);
            json.WriteString("endpoint", media.Endpoint.Path);
            json.WriteString("app", endpoint.App?.Name);
            if (media.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }
            else
            {
                json.WriteNull("seed");
            }

            json.WriteString("mediaType", media.MediaType);
            json.WriteString("serverContentType", media.ServerContentType);
            json.WriteNumber("bytes", media.Length);
            if (media is GeneratedImage { Width: { } width, Height: { } height })
            {
                json.WriteNumber("width", width);
                json.WriteNumber("height", height);
            }

            json.WriteNumber("durationSeconds", Math.Round(media.Duration.TotalSeconds, 3));
            json.WriteNumber("costUsd", media.Cost.Usd);
            json.WriteString("costSource", media.Cost.IsEstimate ? "estimated" : "reported");
            json.WriteString("callId", media.CallId);
            json.WriteNumber("resultUrlPolls", media.ResultUrlPolls);
            json.WriteNumber("retries", media.Retries);
            json.WriteNumber("sessionSpendUsd", spend.Total.TotalUsd);
        });
    }

    public static void WriteError(TextWriter output, ModalException exception, ModalSpendSnapshot? spend)
    {
        Write(output, json =>
        {
            json.WriteBoolean("ok", false);
            json.WriteStartObject("error");
            json.WriteString("type", exception.GetType().Name);
            json.WriteString("message", exception.Message);
            if (exception is ModalApiException api)
            {
                json.WriteString("serverMessage", ErrorReport.FirstLine(api.ServerMessage));
            }

            json.WriteString("endpoint", exception.Endpoint?.Path);
            if (exception.StatusCode is { } status)
            {
                json.WriteNumber("statusCode", status);
            }

            json.WriteString("callId", exception.CallId);
            json.WriteBoolean("gpuWorkMayHaveRun", exception.GpuWorkMayHaveRun);
            json.WriteEndObject();
            if (spend is not null)
            {
                json.WriteNumber("sessionSpendUsd", spend.Total.TotalUsd);
            }
        });
    }

    private static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
