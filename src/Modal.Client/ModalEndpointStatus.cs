namespace Modal.Client;

/// <summary>Whether an endpoint of the inventory can be called.</summary>
public enum ModalEndpointStatus
{
    /// <summary>One of the 21 current endpoints.</summary>
    Current,

    /// <summary>Removed: it cannot work; <see cref="ModalEndpoint.Alternative"/> names what to call instead.</summary>
    Removed,

    /// <summary>Planned but not yet available.</summary>
    Future,
}
