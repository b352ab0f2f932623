namespace Modal.Client.Internal;

/// <summary>A request with a prompt or instruction, which traces may record when the caller opts in.</summary>
internal interface IPromptedRequest
{
    string? PromptText { get; }
}
