using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>Where a result goes, and writing it without ever leaving a partial file behind.</summary>
internal static class OutputFile
{
    /// <summary>Checks <c>--out</c> before anything is sent.</summary>
    /// <exception cref="CliUsageException">The path is an existing directory.</exception>
    public static string? Resolve(string? requested, CliContext context)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        var path = context.FullPath(requested);
        return Directory.Exists(path)
            ? throw new CliUsageException($"--out: '{requested}' is a directory; give a file name, for example {Path.Combine(requested, "result.png")}.")
            : path;
    }

    /// <summary>
    /// The default name in the working directory: <c>&lt;endpoint&gt;-&lt;seed&gt;&lt;ext&gt;</c>, with the extension of the
    /// real format; for /video-faceswap (no seed) Modal's call id, or else the time.
    /// </summary>
    public static string DefaultPath(GeneratedMedia media, CliContext context)
    {
        var stem = media.Seed?.ToString(CultureInfo.InvariantCulture)
            ?? media.CallId
            ?? TimeProvider.System.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return context.FullPath($"{media.Endpoint.TrimStart('/')}-{stem}{media.FileExtension}");
    }

    /// <summary>A note when the name the user chose has an extension for another format, else <see langword="null"/>.</summary>
    public static string? ExtensionNote(string path, GeneratedMedia media)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var expected = media.FileExtension;
        var matches = extension == expected || (extension == ".jpeg" && expected == ".jpg");
        return matches
            ? null
            : $"note: the result is {media.MediaType} (recognised from its bytes); it was saved under the name you gave, "
              + $"but '{expected}' is its usual extension.";
    }

    /// <summary>Writes to a temporary file next to <paramref name="path"/>, then moves it into place.</summary>
    public static async Task SaveAsync(GeneratedMedia media, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            await media.SaveAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
