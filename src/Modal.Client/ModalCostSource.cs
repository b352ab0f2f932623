namespace Modal.Client;

/// <summary>Where a <see cref="ModalCost"/> comes from.</summary>
public enum ModalCostSource
{
    /// <summary>
    /// Estimated by the SDK: client wall-clock seconds × the L40S price ($0.000542/s). It includes queueing and cold start,
    /// so it is an upper bound of the GPU time billed for the call itself.
    /// </summary>
    Estimated,

    /// <summary>
    /// Reported by the server in <c>x-cost-usd</c> (today only /flux-pulid sends it). It covers the handler's own time only,
    /// not cold start or keep-alive.
    /// </summary>
    Reported,
}
