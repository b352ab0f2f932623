namespace Modal.Client.AotSmoke;

/// <summary>Counts checks and collects failures; the app exits non-zero on any.</summary>
internal sealed class SmokeChecks
{
    private readonly List<string> _failures = [];

    public int Count { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Records one check.</summary>
    public void That(bool condition, string what)
    {
        Count++;
        if (!condition)
        {
            _failures.Add(what);
            Console.Error.WriteLine($"FAILED: {what}");
        }
    }

    /// <summary>Records one check of an expected value.</summary>
    public void Equal<T>(T expected, T actual, string what) =>
        That(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected '{expected}', got '{actual}'");

    /// <summary>Runs a call that must throw <typeparamref name="TException"/>, then checks it.</summary>
    public async Task ThrowsAsync<TException>(string what, Func<Task> call, Action<TException> inspect)
        where TException : Exception
    {
        try
        {
            await call();
            That(false, $"{what}: expected {typeof(TException).Name}, but the call succeeded");
        }
        catch (TException ex)
        {
            That(true, what);
            inspect(ex);
        }
#pragma warning disable CA1031 // Any other exception is a failed check, reported with its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            That(false, $"{what}: expected {typeof(TException).Name}, got {ex.GetType().Name}: {ex.Message}");
        }
    }
}
