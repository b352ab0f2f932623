namespace Modal.Client.Testing.Internal;

/// <summary>What the transport middleware does to a response after WireMock produced it.</summary>
internal enum TransportFault
{
    None,
    Reset,
    Truncate,
    Slow,
}
