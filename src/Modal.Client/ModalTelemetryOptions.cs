namespace Modal.Client;

/// <summary>What the SDK's traces carry beyond the defaults.</summary>
public sealed class ModalTelemetryOptions
{
    /// <summary>
    /// Adds the prompt text to each call's activity as <c>modal.prompt</c>. Off by default: prompts can be private.
    /// Media (reference images, videos) is never recorded.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool RecordPromptText { get; set; }
}
