using System.Text.Json;

namespace Modal.Client.ReliabilityTests.Support;

/// <summary>How one logical call ended: a result or an exception, captured so the test can check it.</summary>
internal sealed record CallOutcome(GeneratedMedia? Result, Exception? Exception)
{
    /// <summary>Long enough for any scripted fault to play out, short enough that a hang fails the test instead of CI.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public bool Succeeded => Result is not null;

    /// <summary>Runs <paramref name="call"/>; fails the test if it has not ended within <see cref="HangGuard"/>.</summary>
    public static async Task<CallOutcome> CaptureAsync(Func<Task<GeneratedMedia>> call, TimeSpan? hangGuard = null)
    {
        Task<GeneratedMedia> task;
        try
        {
            task = call();
        }
        catch (Exception ex)
        {
            return new CallOutcome(null, ex);
        }

        try
        {
            return new CallOutcome(await task.WaitAsync(hangGuard ?? HangGuard), null);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"The call did not end within {(hangGuard ?? HangGuard).TotalSeconds} s: it hangs.");
            throw;
        }
        catch (Exception ex)
        {
            return new CallOutcome(null, ex);
        }
    }

    /// <summary>
    /// The issue's rule: a call ends with a result or with the SDK's documented exception, never a raw
    /// HttpRequestException, TaskCanceledException, IOException, JsonException or Refit exception. A caller's own
    /// cancellation may end it with <see cref="OperationCanceledException"/>.
    /// </summary>
    public void AssertResultOrTypedException(bool cancellationRequested = false)
    {
        if (Exception is null)
        {
            return;
        }

        var allowed = Exception is ModalException
            || (cancellationRequested && Exception is OperationCanceledException);
        Assert.True(
            allowed,
            $"The call ended with a raw {Exception.GetType().FullName} instead of a ModalException"
            + $"{(cancellationRequested ? " or OperationCanceledException" : string.Empty)}:\n{Exception}");
        Assert.False(IsRaw(Exception), $"Raw exception escaped: {Exception}");
    }

    private static bool IsRaw(Exception exception) =>
        exception is HttpRequestException or JsonException or IOException
        || exception.GetType().Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true
        || (exception is TaskCanceledException && exception.Message.Contains("HttpClient.Timeout", StringComparison.Ordinal));
}
