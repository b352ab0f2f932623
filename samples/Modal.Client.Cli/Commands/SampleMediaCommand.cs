using System.CommandLine;
using Modal.Client.Cli.Output;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Commands;

/// <summary>
/// <c>sample-media</c>: writes a face image, a mask and an MP4 clip (Modal.Client.Testing's <see cref="FakeMedia"/>), so
/// every endpoint that takes media can be tried at once. Sends nothing.
/// </summary>
internal static class SampleMediaCommand
{
    /// <summary>The files it writes, with what they are for.</summary>
    public static IReadOnlyList<(string Name, string What, Func<byte[]> Content)> Files { get; } =
    [
        ("face.png", "512x512 PNG: --reference-image (sdxl-instantid, flux-pulid, flux-ipadapter-faceid, video-faceswap), --source-image, --image",
            () => FakeMedia.Png(512, 512, label: "face")),
        ("mask.png", "512x512 PNG: --mask-image (qwen-image-inpaint-2511)", () => FakeMedia.Png(512, 512, label: "mask")),
        ("clip.mp4", "512x512 MP4, 2 s: --source-video (video-faceswap), --reference-videos (wan2.6-r2v)", () => FakeMedia.Mp4(512, 512, durationMs: 2000)),
    ];

    public static Command Create(CliContext context)
    {
        var directory = new Option<string>("--dir")
        {
            Description = "The folder to write into (created when missing). Default: the current directory.",
            HelpName = "folder",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite files of the same names." };
        var command = new Command(
            "sample-media",
            "Write face.png, mask.png and clip.mp4: synthetic inputs for the endpoints that take images, masks and videos. "
            + "The embedded fake accepts them; the real face endpoints need a photo with a visible face.")
        {
            directory,
            force,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(context, async () =>
        {
            var folder = context.FullPath(parse.GetValue(directory) ?? ".");
            var paths = Files.Select(f => Path.Combine(folder, f.Name)).ToList();
            if (!parse.GetValue(force) && paths.Where(File.Exists).ToList() is { Count: > 0 } existing)
            {
                throw new CliUsageException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)}; add --force to overwrite, or give --dir.");
            }

            try
            {
                Directory.CreateDirectory(folder);
                foreach (var (file, path) in Files.Zip(paths))
                {
                    await File.WriteAllBytesAsync(path, file.Content(), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--dir: '{folder}' cannot be written ({ex.Message}).", ex);
            }

            var lines = new KeyValueLines();
            foreach (var (file, path) in Files.Zip(paths))
            {
                lines.Add(Relative(context, path), file.What);
            }

            lines.WriteTo(context.Output);
            context.Output.WriteLine();
            context.Output.WriteLine("Try them (against the embedded fake unless MODAL_WORKSPACE is set):");
            var face = Relative(context, paths[0]);
            var mask = Relative(context, paths[1]);
            var clip = Relative(context, paths[2]);
            context.Output.WriteLine($"  sdxl-instantid --reference-image {face} --prompt \"a portrait\"");
            context.Output.WriteLine($"  qwen-image-inpaint-2511 --source-image {face} --mask-image {mask} --prompt \"a hat\"");
            context.Output.WriteLine($"  video-faceswap --source-video {clip} --reference-image {face}");
            context.Output.WriteLine($"  wan2.6-r2v --reference-videos {clip} --prompt \"waves\"");
            context.Output.WriteLine($"  seedvr2 --image {face}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Relative(CliContext context, string path)
    {
        var relative = Path.GetRelativePath(context.WorkingDirectory, path);
        return relative.Contains(' ', StringComparison.Ordinal) ? $"\"{relative}\"" : relative;
    }
}
