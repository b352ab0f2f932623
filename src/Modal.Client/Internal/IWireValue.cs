namespace Modal.Client.Internal;

/// <summary>A closed choice that is sent as one JSON string.</summary>
internal interface IWireValue
{
    string WireValue { get; }
}
