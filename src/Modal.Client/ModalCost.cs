namespace Modal.Client;

/// <summary>The cost of one call in USD, and whether the server reported it or the SDK estimated it.</summary>
/// <param name="Usd">The amount in US dollars.</param>
/// <param name="Source">Where the figure comes from.</param>
public readonly record struct ModalCost(decimal Usd, ModalCostSource Source)
{
    /// <summary><see langword="true"/> when the SDK estimated the cost from the wall-clock time.</summary>
    public bool IsEstimate => Source == ModalCostSource.Estimated;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"${Usd:0.000000} ({(IsEstimate ? "estimated" : "reported")})");
}
