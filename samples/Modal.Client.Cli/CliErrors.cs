namespace Modal.Client.Cli;

/// <summary>Error text helpers.</summary>
internal static class CliErrors
{
    /// <summary>An argument exception's message without the " (Parameter 'x')" suffix .NET appends.</summary>
    public static string MessageOf(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is { } name ? $" (Parameter '{name}')" : null;
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
