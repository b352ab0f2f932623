namespace Modal.Client.Cli;

/// <summary>Bad arguments found after parsing (a media file that cannot be read, an output path that is a directory): exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
