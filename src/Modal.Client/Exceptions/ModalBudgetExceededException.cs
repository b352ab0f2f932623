namespace Modal.Client;

/// <summary>The call was refused before sending because its estimated cost would cross a <see cref="ModalBudgetOptions"/> limit.</summary>
public sealed class ModalBudgetExceededException : ModalException
{
    internal ModalBudgetExceededException(string message, ModalEndpoint endpoint, decimal estimateUsd, decimal limitUsd, decimal remainingUsd)
        : base(message, endpoint, gpuWorkMayHaveRun: false)
    {
        EstimateUsd = estimateUsd;
        LimitUsd = limitUsd;
        RemainingUsd = remainingUsd;
    }

    /// <summary>The call's estimated cost.</summary>
    public decimal EstimateUsd { get; }

    /// <summary>The limit it would have crossed (per call or per window).</summary>
    public decimal LimitUsd { get; }

    /// <summary>What was left of the limit when the call was refused.</summary>
    public decimal RemainingUsd { get; }
}
