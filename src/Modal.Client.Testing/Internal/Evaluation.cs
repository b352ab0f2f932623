namespace Modal.Client.Testing.Internal;

/// <summary>What the handler makes of a request before any GPU work: reject it, or start a job that ends in a result or a failure.</summary>
internal sealed class Evaluation
{
    private Evaluation(AppError? rejection, AppError? failure, Func<TimeSpan, FakeResponse>? produce)
    {
        Rejection = rejection;
        Failure = failure;
        Produce = produce;
    }

    /// <summary>Answered at once; no GPU work starts (validation, missing fields, undecodable input).</summary>
    public AppError? Rejection { get; }

    /// <summary>The GPU job starts and ends with this error (a workflow failure).</summary>
    public AppError? Failure { get; }

    /// <summary>The GPU job starts and ends with this success; the argument is the simulated duration.</summary>
    public Func<TimeSpan, FakeResponse>? Produce { get; }

    public static Evaluation Reject(AppError error) => new(error, null, null);

    public static Evaluation Fail(AppError error) => new(null, error, null);

    public static Evaluation Succeed(Func<TimeSpan, FakeResponse> produce) => new(null, null, produce);
}
