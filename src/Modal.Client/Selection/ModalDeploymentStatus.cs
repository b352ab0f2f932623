namespace Modal.Client;

/// <summary>Whether an app serves an endpoint, as its <c>GET /openapi.json</c> says.</summary>
public enum ModalDeploymentStatus
{
    /// <summary>The app could not be asked (down, unreachable, or not FastAPI's document).</summary>
    Unknown,

    /// <summary>The app lists the route.</summary>
    Deployed,

    /// <summary>The app answered but does not list the route (a call would get 404 Not Found).</summary>
    Missing,
}
