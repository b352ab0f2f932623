using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>
/// Where a result goes: checked before anything is sent (a paid call must not end in a file that cannot be written),
/// written without ever leaving a partial file behind, and saved to a fallback file when writing still fails.
/// </summary>
internal static class OutputFile
{
    /// <summary>
    /// Checks <c>--out</c> (or, without it, the working directory) before anything is sent: the folder must exist (or be
    /// created with <c>--mkdir</c>) and accept a new file, and an existing file must be writable.
    /// </summary>
    /// <param name="requested">The <c>--out</c> value, or <see langword="null"/> for the default name in the working directory.</param>
    /// <param name="makeDirectory">Whether <c>--mkdir</c> was given.</param>
    /// <param name="context">The run.</param>
    /// <returns>The full path, or <see langword="null"/> when the default name is used.</returns>
    /// <exception cref="CliUsageException">The path cannot be written.</exception>
    public static string? Check(string? requested, bool makeDirectory, CliContext context)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            ProbeDirectory(context.WorkingDirectory, "the working directory", "--out <file>");
            return null;
        }

        var path = context.FullPath(requested);
        if (Directory.Exists(path))
        {
            throw new CliUsageException($"--out: '{requested}' is a directory; give a file name, for example {Path.Combine(requested, "result.png")}.");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (!makeDirectory)
            {
                throw new CliUsageException($"--out: the folder '{directory}' does not exist; create it, or add --mkdir to have it created. Nothing was sent.");
            }

            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--out: the folder '{directory}' cannot be created ({ex.Message}). Nothing was sent.", ex);
            }
        }

        ProbeDirectory(directory, $"the folder '{directory}'", "another --out");
        if (File.Exists(path))
        {
            try
            {
                using var existing = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--out: '{path}' exists and cannot be overwritten ({ex.Message}). Nothing was sent.", ex);
            }
        }

        return path;
    }

    /// <summary>
    /// The default name in the working directory: <c>&lt;endpoint&gt;-&lt;seed&gt;&lt;ext&gt;</c>, with the extension of the
    /// real format; for /video-faceswap (no seed) Modal's call id, or else the time.
    /// </summary>
    public static string DefaultPath(GeneratedMedia media, CliContext context) =>
        context.FullPath($"{media.Endpoint.Path.TrimStart('/')}-{Stem(media)}{media.FileExtension}");

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

    /// <summary>
    /// Saves a result that could not be written where asked: <c>modal-result-&lt;endpoint&gt;-&lt;seed or call id&gt;-&lt;time&gt;&lt;ext&gt;</c>
    /// in the working directory, else in the temp folder.
    /// </summary>
    /// <returns>The fallback file, or <see langword="null"/> when neither folder took it.</returns>
    public static async Task<string?> SaveFallbackAsync(GeneratedMedia media, CliContext context, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"modal-result-{media.Endpoint.Path.TrimStart('/')}-{Stem(media)}-{time}{media.FileExtension}";
        foreach (var directory in new[] { context.WorkingDirectory, Path.GetTempPath() })
        {
            var path = Path.Combine(directory, name);
            try
            {
                await context.SaveResult(media, path, cancellationToken);
                return path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Try the next folder.
            }
        }

        return null;
    }

    private static string Stem(GeneratedMedia media) =>
        media.Seed?.ToString(CultureInfo.InvariantCulture)
        ?? media.CallId
        ?? TimeProvider.System.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Creates and deletes an empty file in <paramref name="directory"/>: the one sure test that a new file can be written there.</summary>
    private static void ProbeDirectory(string directory, string what, string fix)
    {
        var probe = Path.Combine(directory, $".modal-cli-write-check-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "the file system does not allow new files there",
                _ => ex.Message,
            };
            throw new CliUsageException($"--out: {what} cannot be written ({reason}); give {fix}. Nothing was sent.", ex);
        }
    }
}
