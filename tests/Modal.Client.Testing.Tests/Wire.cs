using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing.Tests;

/// <summary>Plain-HTTP helpers for talking to the fake and reading what it sends.</summary>
internal static class Wire
{
    public static HttpClient Client(bool followRedirects = false) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = followRedirects }) { Timeout = TimeSpan.FromSeconds(20) };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, Uri url, string json) =>
        http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, Uri url, JsonNode json) =>
        http.PostJsonAsync(url, json.ToJsonString());

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)
        ?? throw new InvalidOperationException("The body is not a JSON object.");

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>A small real PNG as a data URL.</summary>
    public static string PngDataUrl(int width = 64, int height = 48, string prompt = "input") =>
        "data:image/png;base64," + Convert.ToBase64String(Png(width, height, prompt));

    public static byte[] Png(int width, int height, string prompt = "input") =>
        PngEncoder.Encode(width, height, MediaIdentity.Create("/test", 1, prompt), []);

    /// <summary>A small MP4 (ftyp + moov + mdat) as raw base64.</summary>
    public static string Mp4Base64() => Convert.ToBase64String(Mp4Writer.Write(64, 64, 1000, MediaIdentity.Create("/test", 1, "video")));

    /// <summary>Replaces the placeholders <c>$IMG</c> (PNG data URL) and <c>$VID</c> (MP4 data URL) in a JSON template.</summary>
    public static string Expand(string template) =>
        template.Replace("$IMG", PngDataUrl(), StringComparison.Ordinal)
            .Replace("$VID", "data:video/mp4;base64," + Mp4Base64(), StringComparison.Ordinal);

    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

    public static bool IsJpeg(byte[] bytes) => bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF });

    public static bool IsAnimatedWebP(byte[] bytes) =>
        bytes.Length > 40
        && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF"
        && Encoding.ASCII.GetString(bytes, 8, 4) == "WEBP"
        && Encoding.ASCII.GetString(bytes).Contains("ANIM", StringComparison.Ordinal)
        && Encoding.ASCII.GetString(bytes).Contains("ANMF", StringComparison.Ordinal);

    public static bool IsMp4(byte[] bytes) => bytes.Length > 8 && Encoding.ASCII.GetString(bytes, 4, 4) == "ftyp";

    /// <summary>Width and height from the IHDR chunk, read independently of the production code.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Width and height from the SOF0 segment.</summary>
    public static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        for (var i = 2; i + 8 < jpeg.Length;)
        {
            Assert.Equal(0xFF, jpeg[i]);
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker == 0xC0)
            {
                return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]);
            }

            i += 2 + length;
        }

        throw new InvalidOperationException("No SOF0 segment.");
    }

    public static async Task AssertPlainTextAsync(HttpResponseMessage response, int status, string text)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/plain", response.MediaType());
        Assert.Equal(text, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Lower-case hex SHA-256 of UTF-8 text, computed independently of the production code.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
