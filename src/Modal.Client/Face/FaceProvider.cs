using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The execution provider of the face-analysis node (<c>face_provider</c>) on /sdxl-instantid and /flux-ipadapter-faceid.</summary>
[JsonConverter(typeof(WireValueJsonConverter<FaceProvider>))]
public readonly record struct FaceProvider : IWireValue
{
    private readonly string? _name;

    private FaceProvider(string name) => _name = name;

    /// <summary><c>CPU</c>, the server's default.</summary>
    public static FaceProvider Cpu { get; } = new("CPU");

    /// <summary><c>GPU</c>.</summary>
    public static FaceProvider Gpu { get; } = new("GPU");

    /// <summary>The value sent to the server.</summary>
    public string Name => _name ?? "CPU";

    string IWireValue.WireValue => Name;

    /// <summary>Another provider name accepted by the node (the node's full option list is not part of the contract).</summary>
    /// <param name="name">For example <c>CUDA</c>.</param>
    /// <returns>The provider.</returns>
    public static FaceProvider FromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name.Trim());
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
