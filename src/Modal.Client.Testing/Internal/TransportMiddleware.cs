using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Modal.Client.Testing.Internal;

/// <summary>
/// ASP.NET Core middleware in front of WireMock: buffers WireMock's response, sets Content-Length like uvicorn, and
/// carries out the transport faults WireMock cannot express (reset, truncated body, slow body).
/// </summary>
internal static class TransportMiddleware
{
    /// <summary>The internal header by which the fake's WireMock callback asks for a transport fault.</summary>
    public const string Marker = "x-modal-fake-transport";

    public static void Install(object applicationBuilder, DeploymentCore core)
    {
        var app = (IApplicationBuilder)applicationBuilder;
        app.Use(async (HttpContext context, Func<Task> next) =>
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next().ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            var marker = context.Response.Headers[Marker].ToString();
            context.Response.Headers.Remove(Marker);
            var body = buffer.ToArray();
            try
            {
                await WriteAsync(context, original, body, marker, core).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }
        });
    }

    private static async Task WriteAsync(HttpContext context, Stream output, byte[] body, string marker, DeploymentCore core)
    {
        if (marker == "reset")
        {
            context.Abort();
            return;
        }

        if (marker == "truncate")
        {
            // Declare the full length, send half: Kestrel then closes the connection ("response ended prematurely").
            context.Response.ContentLength = Math.Max(body.Length, 16);
            await output.WriteAsync(body.AsMemory(0, body.Length / 2), core.Stopping).ConfigureAwait(false);
            await output.FlushAsync(core.Stopping).ConfigureAwait(false);
            return;
        }

        context.Response.ContentLength = body.Length;
        if (marker.StartsWith("slow:", StringComparison.Ordinal))
        {
            var total = TimeSpan.FromMilliseconds(double.Parse(marker.AsSpan(5), CultureInfo.InvariantCulture));
            const int slices = 10;
            var pause = total / slices;
            await context.Response.StartAsync(core.Stopping).ConfigureAwait(false);
            for (var i = 0; i < slices; i++)
            {
                await core.DelayAsync(pause).ConfigureAwait(false);
                var start = body.Length * i / slices;
                var end = body.Length * (i + 1) / slices;
                await output.WriteAsync(body.AsMemory(start, end - start), core.Stopping).ConfigureAwait(false);
                await output.FlushAsync(core.Stopping).ConfigureAwait(false);
            }

            return;
        }

        await output.WriteAsync(body, core.Stopping).ConfigureAwait(false);
    }
}
