using Modal.Client.Internal;

namespace Modal.Client.Tests;

/// <summary>What the SDK reads from response headers without parsing more than it needs.</summary>
public sealed class ModalHeadersTests
{
    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("IMAGE/JPEG")]
    [InlineData("image/svg+xml")]
    [InlineData("application/vnd.api+json")]
    [InlineData("video/mp4")]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("text/html;charset=UTF-8")]
    [InlineData("image/jpeg ")]
    [InlineData(" image/jpeg")]
    [InlineData("image/ jpeg")]
    [InlineData("image/jpeg, image/png")]
    [InlineData("a/b/c")]
    [InlineData("image/")]
    [InlineData("/jpeg")]
    [InlineData("garbage")]
    [InlineData("")]
    public void ContentType_AnyLabel_ReadsAsTheParsedHeaderPrints(string label)
    {
        using var response = WithContentType(label);
        using var reference = WithContentType(label);

        Assert.Equal(reference.Content.Headers.ContentType?.ToString(), ModalHeaders.ContentType(response));
    }

    [Fact]
    public void ContentType_NoHeader_IsNull()
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };

        Assert.Null(ModalHeaders.ContentType(response));
    }

    [Fact]
    public void ContentType_TwoValues_ReadsAsTheParsedHeaderPrints()
    {
        using var response = WithContentType("image/jpeg");
        using var reference = WithContentType("image/jpeg");
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "image/png");
        reference.Content.Headers.TryAddWithoutValidation("Content-Type", "image/png");

        Assert.Equal(reference.Content.Headers.ContentType?.ToString(), ModalHeaders.ContentType(response));
    }

    private static HttpResponseMessage WithContentType(string label)
    {
        var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", label);
        return response;
    }
}
