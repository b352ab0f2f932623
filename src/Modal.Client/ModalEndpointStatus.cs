namespace Modal.Client;

/// <summary>Whether an endpoint of the inventory can be called.</summary>
public enum ModalEndpointStatus
{
    /// <summary>One of the endpoints the reference deployment serves today.</summary>
    Current,

    /// <summary>
    /// Typed and callable (its method stays on <see cref="IModalClient"/>), but the reference deployment does not serve it:
    /// its route was deleted, so a call answers 404 Not Found (<see cref="ModalEndpointNotDeployedException"/>). Only a
    /// deployment that still has the route can run it. The selector skips it unless asked.
    /// </summary>
    Undeployed,

    /// <summary>Removed: it cannot work; <see cref="ModalEndpoint.Alternative"/> names what to call instead.</summary>
    Removed,

    /// <summary>Planned but not yet available.</summary>
    Future,
}
