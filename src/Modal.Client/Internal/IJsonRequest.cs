using System.Text.Json.Serialization.Metadata;

namespace Modal.Client.Internal;

/// <summary>
/// A request that names its own source-generated writer in <see cref="ModalJsonContext"/>. Looking a writer up by type
/// instead (<c>GetTypeInfo(Type)</c>) compares against every request type of the context and so loads all 21 of them,
/// with their JSON metadata types, into a process that makes one call.
/// </summary>
internal interface IJsonRequest
{
    /// <summary>The request type's writer, for example <c>ModalJsonContext.Default.FluxSchnellRequest</c>.</summary>
    JsonTypeInfo JsonTypeInfo { get; }
}
