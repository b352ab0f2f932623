using System.Buffers.Binary;
using System.Text;
using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing.Tests.Internal.Media;

public sealed class Mp4WriterTests
{
    [Fact]
    public void Write_TopLevelBoxes_AreFtypMoovMdatAndFillTheFile()
    {
        var mp4 = Mp4Writer.Write(512, 512, 2000, MediaIdentity.Create("/video-faceswap", null, null));

        var boxes = new List<string>();
        var offset = 0;
        while (offset < mp4.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(offset));
            boxes.Add(Encoding.ASCII.GetString(mp4, offset + 4, 4));
            Assert.True(size >= 8);
            offset += size;
        }

        Assert.Equal(mp4.Length, offset);
        Assert.Equal(["ftyp", "moov", "mdat"], boxes);
        Assert.Equal("isom", Encoding.ASCII.GetString(mp4, 8, 4));
    }
}
