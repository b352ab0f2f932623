namespace Modal.Client;

/// <summary>How <see cref="ModelSelector.Select"/> orders its candidates.</summary>
public enum ModalSelectionOrder
{
    /// <summary>Cheapest first: the inventory's cost rank, then endpoints it does not rank by documented cost, then those without a cost.</summary>
    Cost,

    /// <summary>Fastest first: the inventory's speed rank, then endpoints it does not rank by documented time, then those never measured.</summary>
    Speed,
}
