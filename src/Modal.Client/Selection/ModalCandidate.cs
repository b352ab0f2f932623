namespace Modal.Client;

/// <summary>An endpoint the selector considered, with the reason it was chosen or rejected.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Reason">Why it was chosen (its rank, cost and time) or rejected (which constraint failed).</param>
public sealed record ModalCandidate(ModalEndpoint Endpoint, string Reason);
