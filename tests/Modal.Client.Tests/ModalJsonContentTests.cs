using System.Text.Json.Nodes;
using Modal.Client.Internal;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>Request bodies stream media as base64 chunks, with an exact Content-Length, and can be sent twice.</summary>
public sealed class ModalJsonContentTests
{
    [Fact]
    public async Task ToHttpContent_LargeMedia_StreamsExactDataUrlWithKnownLength()
    {
        var video = TestMedia.Mp4().Concat(Enumerable.Range(0, 1_000_001).Select(i => (byte)(i * 7))).ToArray();
        var request = new VideoFaceSwapRequest { SourceVideo = ModalMedia.FromBytes(video), ReferenceImage = TestMedia.PngMedia(), Fps = 24 };
        using var content = new ModalContentSerializer().ToHttpContent(request);

        var first = await content.ReadAsByteArrayAsync();
        using var again = new MemoryStream();
        await content.CopyToAsync(again);

        Assert.Equal(first.Length, content.Headers.ContentLength);
        Assert.Equal(first, again.ToArray());
        var json = JsonNode.Parse(first)!.AsObject();
        Assert.Equal(TestMedia.DataUrl("video/mp4", video), json["source_video"]!.GetValue<string>());
        Assert.Equal(TestMedia.DataUrl("image/png", TestMedia.Png()), json["reference_image"]!.GetValue<string>());
        Assert.Equal(24, json["fps"]!.GetValue<int>());
    }

    [Fact]
    public async Task ToHttpContent_NoMedia_IsPlainJsonWithLength()
    {
        using var content = new ModalContentSerializer().ToHttpContent(new FluxSchnellRequest { Prompt = "a \"quoted\" fox", Seed = 1 });

        var body = await content.ReadAsStringAsync();

        Assert.Equal("""{"prompt":"a \u0022quoted\u0022 fox","seed":1}""", body);
        Assert.Equal(body.Length, content.Headers.ContentLength);
    }
}
