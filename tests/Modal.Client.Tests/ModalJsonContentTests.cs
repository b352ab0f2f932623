using System.Text.Json.Nodes;
using Modal.Client.Internal;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>Request bodies stream media as base64 chunks, with an exact Content-Length, and can be sent twice.</summary>
public sealed class ModalJsonContentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modal-body-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>An MP4 several chunks long whose size is not a multiple of 3 (the last chunk is padded).</summary>
    private static byte[] LargeMp4() => [.. TestMedia.Mp4(), .. Enumerable.Range(0, (3 * 96 * 1024) + 1001).Select(i => (byte)(i * 7))];

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

        Assert.IsType<ByteArrayContent>(content);
        Assert.Equal("""{"prompt":"a \u0022quoted\u0022 fox","seed":1}""", body);
        Assert.Equal(body.Length, content.Headers.ContentLength);
    }

    [Fact]
    public async Task ToHttpContent_FileMedia_StreamsExactDataUrlWithKnownLength_AndAgain()
    {
        var video = LargeMp4();
        var path = Path.Combine(_directory, "clip.mp4");
        await File.WriteAllBytesAsync(path, video);
        var request = new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromFileAsync(path), ReferenceImage = TestMedia.PngMedia(), Fps = 24 };
        using var content = new ModalContentSerializer().ToHttpContent(request);

        var first = await content.ReadAsByteArrayAsync();
        using var again = new MemoryStream();
        await content.CopyToAsync(again);

        Assert.IsType<ModalJsonContent>(content);
        Assert.Equal(first.Length, content.Headers.ContentLength);
        Assert.Equal(first, again.ToArray());
        var json = JsonNode.Parse(first)!.AsObject();
        Assert.Equal(TestMedia.DataUrl("video/mp4", video), json["source_video"]!.GetValue<string>());
        Assert.Equal(TestMedia.DataUrl("image/png", TestMedia.Png()), json["reference_image"]!.GetValue<string>());
    }

    [Fact]
    public async Task ToHttpContent_SeekableStreamMedia_SendsFromItsStartPosition_EveryTime()
    {
        var video = LargeMp4();
        using var stream = new MemoryStream([.. "junk"u8.ToArray(), .. video]);
        stream.Position = 4;
        var request = new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromStreamAsync(stream), ReferenceImage = TestMedia.PngMedia() };
        using var content = new ModalContentSerializer().ToHttpContent(request);

        var first = await content.ReadAsByteArrayAsync();
        stream.Position = 0;
        using var again = new MemoryStream();
        await content.CopyToAsync(again);

        Assert.Equal(first.Length, content.Headers.ContentLength);
        Assert.Equal(first, again.ToArray());
        Assert.Equal(TestMedia.DataUrl("video/mp4", video), JsonNode.Parse(first)!["source_video"]!.GetValue<string>());
    }

    [Fact]
    public async Task ToHttpContent_MediaInAList_AreStreamedInOrder()
    {
        var first = LargeMp4();
        var second = TestMedia.Mp4();
        using var content = new ModalContentSerializer().ToHttpContent(
            new Wan26R2VRequest { Prompt = "waves", ReferenceVideos = [ModalMedia.FromBytes(first), ModalMedia.FromBytes(second)] });

        var body = await content.ReadAsByteArrayAsync();

        Assert.IsType<ModalJsonContent>(content);
        Assert.Equal(body.Length, content.Headers.ContentLength);
        var videos = JsonNode.Parse(body)!["reference_videos"]!.AsArray();
        Assert.Equal([TestMedia.DataUrl("video/mp4", first), TestMedia.DataUrl("video/mp4", second)], videos.Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task ToHttpContent_OneStreamMediaSentConcurrently_EachBodyIsWhole()
    {
        var video = LargeMp4();
        using var stream = new MemoryStream(video);
        var media = await ModalMedia.FromStreamAsync(stream);
        var serializer = new ModalContentSerializer();
        var expected = TestMedia.DataUrl("video/mp4", video);

        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var content = serializer.ToHttpContent(new VideoFaceSwapRequest { SourceVideo = media, ReferenceImage = TestMedia.PngMedia() });
            return await content.ReadAsByteArrayAsync();
        })));

        Assert.All(bodies, b => Assert.Equal(expected, JsonNode.Parse(b)!["source_video"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ToHttpContent_ConcurrentRequests_NeverMixTheirMedia()
    {
        var serializer = new ModalContentSerializer();
        var images = Enumerable.Range(1, 32).Select(i => TestMedia.Png(i, i)).ToArray();

        var bodies = await Task.WhenAll(images.Select(png => Task.Run(async () =>
        {
            using var content = serializer.ToHttpContent(new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = ModalMedia.FromBytes(png) });
            return (png, body: await content.ReadAsByteArrayAsync());
        })));

        Assert.All(bodies, r => Assert.Equal(TestMedia.DataUrl("image/png", r.png), JsonNode.Parse(r.body)!["reference_image"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ToHttpContent_FileChangedSizeAfterFromFile_ThrowsBeforeAnythingIsSent()
    {
        var path = Path.Combine(_directory, "face.png");
        await File.WriteAllBytesAsync(path, TestMedia.Png());
        var media = await ModalMedia.FromFileAsync(path);
        await File.WriteAllBytesAsync(path, TestMedia.Png(8, 8));

        var ex = Assert.Throws<InvalidOperationException>(() => new ModalContentSerializer().ToHttpContent(new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = media }));

        Assert.Contains($"The media file '{path}' changed size since ModalMedia.FromFileAsync read it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToHttpContent_FileDeletedAfterFromFile_ThrowsBeforeAnythingIsSent()
    {
        var path = Path.Combine(_directory, "face.png");
        await File.WriteAllBytesAsync(path, TestMedia.Png());
        var media = await ModalMedia.FromFileAsync(path);
        File.Delete(path);

        var ex = Assert.Throws<InvalidOperationException>(() => new ModalContentSerializer().ToHttpContent(new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = media }));

        Assert.Contains("was deleted after ModalMedia.FromFileAsync read it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToHttpContent_StreamClosedAfterFromStream_ThrowsNamingTheFix()
    {
        var stream = new MemoryStream(TestMedia.Png());
        var media = await ModalMedia.FromStreamAsync(stream);
        await stream.DisposeAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => new ModalContentSerializer().ToHttpContent(new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = media }));

        Assert.Contains("Keep the stream open until the call completes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestTypes_WithMediaMembers_AreMarkedAsMediaRequests()
    {
        var requests = typeof(ModalJsonContext).CustomAttributes
            .Where(a => a.AttributeType == typeof(System.Text.Json.Serialization.JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)
            .ToList();
        var withMedia = requests
            .Where(t => t.GetProperties().Any(p => p.PropertyType == typeof(ModalMedia) || typeof(IEnumerable<ModalMedia>).IsAssignableFrom(p.PropertyType)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var marked = requests.Where(t => typeof(IMediaRequest).IsAssignableFrom(t)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(21, requests.Count);
        Assert.Equal(8, withMedia.Count);
        Assert.Equal(withMedia, marked);
    }

    [Fact]
    public void RequestTypes_NameTheirOwnWriter()
    {
        var requests = typeof(ModalJsonContext).CustomAttributes
            .Where(a => a.AttributeType == typeof(System.Text.Json.Serialization.JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)
            .ToList();

        Assert.Equal(21, requests.Count);
        Assert.All(requests, type =>
        {
            var request = (IJsonRequest)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            Assert.Same(ModalJsonContext.Default.GetTypeInfo(type), request.JsonTypeInfo);
        });
    }

    [Fact]
    public async Task FromHttpContentAsync_IsNotUsed_AndSaysSo()
    {
        using var content = new StringContent("{}");

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => new ModalContentSerializer().FromHttpContentAsync<FluxSchnellRequest>(content));

        Assert.Equal("Modal.Client reads answers as HttpResponseMessage and never deserializes FluxSchnellRequest.", ex.Message);
    }
}
