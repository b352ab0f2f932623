using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modal.Client.Benchmarks;

/// <summary>
/// A Kestrel server on 127.0.0.1 (dynamic port) that answers like the Modal apps: it reads and discards the request body,
/// then answers with a fixed payload under the label the real app sends, with a Content-Length. The path prefix picks
/// the scenario, so each benchmark's SDK client points its base URL at its own prefix.
/// </summary>
internal static class LoopbackServer
{
    /// <summary>POST /flux: the 1.3 MiB PNG labelled image/jpeg.</summary>
    public const string ImagePrefix = "image/";

    /// <summary>POST /flux: a 16 KiB PNG labelled image/jpeg.</summary>
    public const string SmallImagePrefix = "small/";

    /// <summary>POST /video-faceswap: the 30 MiB MP4.</summary>
    public const string BufferedVideoPrefix = "video30/";

    /// <summary>POST /video-faceswap: the 200 MiB MP4.</summary>
    public const string StreamedVideoPrefix = "video200/";

    /// <summary>POST /video-faceswap: a large request body read and discarded, a 4 KiB MP4 back.</summary>
    public const string UploadPrefix = "upload/";

    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync()
    {
        var routes = new Dictionary<string, (byte[] Body, string Label)>(StringComparer.Ordinal)
        {
            ["/" + ImagePrefix + "flux"] = (BenchPayloads.Png(BenchPayloads.ImageBytes), "image/jpeg"),
            ["/" + SmallImagePrefix + "flux"] = (BenchPayloads.Png(BenchPayloads.SmallImageBytes), "image/jpeg"),
            ["/" + BufferedVideoPrefix + "video-faceswap"] = (BenchPayloads.Mp4(BenchPayloads.BufferedVideoBytes), "video/mp4"),
            ["/" + StreamedVideoPrefix + "video-faceswap"] = (BenchPayloads.Mp4(BenchPayloads.StreamedVideoBytes), "video/mp4"),
            ["/" + UploadPrefix + "video-faceswap"] = (BenchPayloads.Mp4(BenchPayloads.TinyVideoBytes), "video/mp4"),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        app.Run(context => AnswerAsync(context, routes));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    private static async Task AnswerAsync(HttpContext context, Dictionary<string, (byte[] Body, string Label)> routes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (context.Request.Method != "POST" || !routes.TryGetValue(context.Request.Path.Value ?? string.Empty, out var route))
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"detail":"Not Found"}""", context.RequestAborted);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = route.Label;
        context.Response.ContentLength = route.Body.Length;
        await context.Response.Body.WriteAsync(route.Body, context.RequestAborted);
    }
}
