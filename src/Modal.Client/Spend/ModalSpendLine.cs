namespace Modal.Client;

/// <summary>Spend of one endpoint or family.</summary>
/// <param name="Calls">Calls recorded (successes, and failures that may have run GPU work).</param>
/// <param name="ReportedUsd">Cost the server reported (<c>x-cost-usd</c>).</param>
/// <param name="EstimatedUsd">Cost the SDK estimated from wall-clock time.</param>
public sealed record ModalSpendLine(int Calls, decimal ReportedUsd, decimal EstimatedUsd)
{
    /// <summary>Reported plus estimated.</summary>
    public decimal TotalUsd => ReportedUsd + EstimatedUsd;
}
