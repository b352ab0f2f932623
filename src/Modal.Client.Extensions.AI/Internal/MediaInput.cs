using Microsoft.Extensions.AI;

namespace Modal.Client.Extensions.AI.Internal;

/// <summary>Turns Microsoft.Extensions.AI contents into <see cref="ModalMedia"/> (format sniffed from the bytes).</summary>
internal static class MediaInput
{
    /// <summary>An original image: a <see cref="DataContent"/> with the image's bytes.</summary>
    public static ModalMedia FromContent(AIContent? content, string paramName) => content switch
    {
        DataContent data => FromBytes(data.Data, paramName),
        UriContent uri => throw new ArgumentException(
            $"{paramName} is a link ({uri.Uri.Scheme}:…); Modal.Client sends image bytes and does not download images: pass a DataContent with the image's bytes.",
            paramName),
        null => throw new ArgumentException($"{paramName} is null: pass a DataContent with the image's bytes.", paramName),
        _ => throw new ArgumentException(
            $"{paramName} is a {content.GetType().Name}; pass the image as a DataContent with its bytes.", paramName),
    };

    public static ModalMedia FromBytes(ReadOnlyMemory<byte> bytes, string paramName)
    {
        try
        {
            return ModalMedia.FromBytes(bytes);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(
                $"{paramName}: the bytes are not a PNG, JPEG, WebP or GIF image ({(bytes.IsEmpty ? "empty" : $"{bytes.Length} bytes of an unknown format")}). Pass the image file's bytes.",
                paramName,
                ex);
        }
    }
}
