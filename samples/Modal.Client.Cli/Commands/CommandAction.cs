using Modal.Client.Cli.Output;

namespace Modal.Client.Cli.Commands;

/// <summary>Runs a subcommand's work and turns what it throws into a message on standard error and an exit code.</summary>
internal static class CommandAction
{
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (CliUsageException ex)
        {
            context.WriteError($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (ModalException ex)
        {
            ErrorReport.Write(context.Error, ex);
            return ExitCodes.ModalError;
        }
        catch (OperationCanceledException)
        {
            context.WriteError("cancelled: a call already sent may still run on Modal and be billed.");
            return ExitCodes.Cancelled;
        }
    }
}
