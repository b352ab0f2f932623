namespace Modal.Client;

/// <summary>One row of the inventory's use-case table.</summary>
public sealed record ModalUseCaseRecommendation
{
    internal ModalUseCaseRecommendation(ModalUseCase useCase, string title, ModalEndpoint primary, ModalEndpoint? alternative, string note)
    {
        UseCase = useCase;
        Title = title;
        Primary = primary;
        Alternative = alternative;
        Note = note;
    }

    /// <summary>The use case.</summary>
    public ModalUseCase UseCase { get; }

    /// <summary>The inventory's name for it, for example <c>Fast preview</c>.</summary>
    public string Title { get; }

    /// <summary>The recommended endpoint.</summary>
    public ModalEndpoint Primary { get; }

    /// <summary>The alternative, when the inventory names one.</summary>
    public ModalEndpoint? Alternative { get; }

    /// <summary>The inventory's note, for example <c>Minimal cold start</c>.</summary>
    public string Note { get; }
}
