namespace Modal.Client.Cli;

/// <summary>The CLI's exit codes (README, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Done: the file was written, or every app is healthy.</summary>
    public const int Success = 0;

    /// <summary>Modal failed the call (the message says whether GPU work may have run), or an app is not healthy.</summary>
    public const int ModalError = 1;

    /// <summary>
    /// Bad arguments: an unknown or missing option, a bad value, a missing media file, an <c>--out</c> that cannot be
    /// written. Nothing was sent.
    /// </summary>
    public const int Usage = 2;

    /// <summary>
    /// The call succeeded (and may be billed) but the result could not be written where <c>--out</c> asked: it was saved
    /// to a fallback file, whose path the CLI prints (or, if even that failed, the message says so).
    /// </summary>
    public const int NotSavedWhereAsked = 3;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
