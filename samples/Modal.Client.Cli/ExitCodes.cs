namespace Modal.Client.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the file was written, or every app is healthy.</summary>
    public const int Success = 0;

    /// <summary>Modal failed the call (the message says whether GPU work may have run), or an app is not healthy.</summary>
    public const int ModalError = 1;

    /// <summary>Bad arguments: an unknown or missing option, a bad value, a missing media file. Nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
