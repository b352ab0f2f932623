using Microsoft.Extensions.AI;
using Modal.Client.Testing;

namespace Modal.Client.Extensions.AI.Tests.Support;

/// <summary>Original images for requests, as Microsoft.Extensions.AI contents.</summary>
internal static class Images
{
    public static DataContent Png(int width = 96, int height = 64, string? label = null) =>
        new(FakeMedia.Png(width, height, label), "image/png");

    public static string DataUrl(DataContent content) => $"data:image/png;base64,{Convert.ToBase64String(content.Data.Span)}";
}
