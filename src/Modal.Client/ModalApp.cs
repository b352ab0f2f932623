namespace Modal.Client;

/// <summary>
/// A Modal app (one deployed FastAPI web endpoint, one host) that serves some of the endpoints.
/// Families are how you think about the endpoints; apps are how they are deployed.
/// </summary>
/// <remarks>
/// The default URL of an app is <c>https://{workspace}--{name}-comfyui-fastapi-app.modal.run</c>.
/// Use <see cref="Name"/> as the key of <see cref="ModalClientOptions.AppUrls"/> to point one app elsewhere.
/// </remarks>
public sealed class ModalApp : IEquatable<ModalApp>
{
    private ModalApp(string name) => Name = name;

    /// <summary><c>ryla-flux</c>: /flux, /flux-dev, /flux-dev-lora.</summary>
    public static ModalApp Flux { get; } = new("ryla-flux");

    /// <summary><c>ryla-instantid</c>: /sdxl-turbo, /sdxl-lightning, /sdxl-instantid, /flux-pulid, /flux-ipadapter-faceid.</summary>
    public static ModalApp InstantId { get; } = new("ryla-instantid");

    /// <summary><c>ryla-qwen-image</c>: the Qwen image, edit and inpaint endpoints and /video-faceswap.</summary>
    public static ModalApp QwenImage { get; } = new("ryla-qwen-image");

    /// <summary><c>ryla-z-image</c>: /z-image-simple, /z-image-danrisi, /z-image-lora.</summary>
    public static ModalApp ZImage { get; } = new("ryla-z-image");

    /// <summary><c>ryla-wan26</c>: /wan2.6, /wan2.6-r2v, /wan2.6-lora.</summary>
    public static ModalApp Wan26 { get; } = new("ryla-wan26");

    /// <summary><c>ryla-seedvr2</c>: /seedvr2.</summary>
    public static ModalApp SeedVr2 { get; } = new("ryla-seedvr2");

    /// <summary>Every app, in a stable order.</summary>
    public static IReadOnlyList<ModalApp> All { get; } = [Flux, InstantId, QwenImage, ZImage, Wan26, SeedVr2];

    /// <summary>The app name as deployed on Modal, for example <c>ryla-flux</c>.</summary>
    public string Name { get; }

    /// <summary>Finds an app by its name (case-insensitive).</summary>
    /// <param name="name">An app name such as <c>ryla-flux</c>.</param>
    /// <param name="app">The app, when found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a known app.</returns>
    public static bool TryFind(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModalApp? app)
    {
        app = All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        return app is not null;
    }

    /// <inheritdoc/>
    public bool Equals(ModalApp? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
