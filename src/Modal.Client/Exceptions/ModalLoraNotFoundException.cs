namespace Modal.Client;

/// <summary>
/// The LoRA file the request named does not exist on the app's model volume (<c>404 {"detail":"LoRA not found: …"}</c>).
/// </summary>
/// <remarks>
/// A LoRA trained after a container started may stay invisible to that container until it is recycled (about 5 idle
/// minutes), because the servers never reload their volume (contract X.7).
/// </remarks>
public sealed class ModalLoraNotFoundException : ModalException
{
    internal ModalLoraNotFoundException(string message, ModalEndpoint endpoint, string loraFile)
        : base(message, endpoint, gpuWorkMayHaveRun: false) => LoraFile = loraFile;

    /// <summary>The file name the server looked for, for example <c>character-abc.safetensors</c>.</summary>
    public string LoraFile { get; }
}
