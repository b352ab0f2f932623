using System.Text;

namespace Modal.Client.Extensions.AI.Internal;

/// <summary>
/// Model ids of the generator: the image endpoints' paths (<c>/flux-dev</c> or <c>flux-dev</c>) and the image use cases
/// of the inventory in kebab case (<c>fast-preview</c>, <c>quality-text-to-image</c>, …), each meaning its primary endpoint.
/// </summary>
internal static class ImageModels
{
    private static readonly Dictionary<string, ImageEndpointMapping> ByUseCase = BuildUseCases();

    /// <summary>The model when none is named and there is no original image: the fast-preview primary.</summary>
    public static ImageEndpointMapping TextToImageDefault { get; } = ImageEndpointMappings.Get(Primary(ModalUseCase.FastPreview));

    /// <summary>The model when none is named and there is one original image: the instruction edit.</summary>
    public static ImageEndpointMapping EditDefault { get; } = ImageEndpointMappings.Get("/qwen-image-edit-2511");

    /// <summary>Every valid id: the use-case names, then the endpoint paths.</summary>
    public static IReadOnlyList<string> ValidIds { get; } =
        [.. ByUseCase.Keys, .. ImageEndpointMappings.All.Select(m => m.Path)];

    /// <summary>The kebab-case id of a use case, for example <c>fast-preview</c>.</summary>
    public static string UseCaseId(ModalUseCase useCase)
    {
        var name = useCase.ToString();
        var id = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                id.Append('-');
            }

            id.Append(char.ToLowerInvariant(name[i]));
        }

        return id.ToString();
    }

    /// <summary>Resolves a model id, refusing unknown, removed, future and non-image ids with the list of valid ones.</summary>
    public static ImageEndpointMapping Resolve(string modelId, string paramName)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            throw Invalid(paramName, "is empty", "leave it null for the default, or name a model");
        }

        var id = modelId.Trim();
        if (ByUseCase.TryGetValue(id, out var byUseCase))
        {
            return byUseCase;
        }

        if (ModalCatalog.UseCases.FirstOrDefault(u => string.Equals(UseCaseId(u.UseCase), id, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            throw Invalid(paramName, $"is '{id}', the {other.Title} use case, which produces {other.Primary.OutputKind?.ToString() ?? "no image"} ({other.Primary.Path})", "this generator makes images");
        }

        if (!ModalCatalog.TryFind(id, out var endpoint))
        {
            throw Invalid(paramName, $"is '{id}', which is neither an image endpoint nor a use case", null);
        }

        if (endpoint.Status == ModalEndpointStatus.Removed)
        {
            throw Invalid(paramName, $"is '{id}', which was removed ({endpoint.Note})", $"use {endpoint.Alternative} instead");
        }

        if (!endpoint.IsCallable)
        {
            throw Invalid(paramName, $"is '{id}', which is not available yet ({endpoint.FutureStatus})", null);
        }

        if (endpoint.OutputKind != ModalOutputKind.Image || !ImageEndpointMappings.TryGet(endpoint.Path, out var mapping))
        {
            throw Invalid(paramName, $"is '{id}', which returns {endpoint.OutputKind?.ToString() ?? "no image"}, not an image", "this generator makes images");
        }

        return mapping;
    }

    private static ArgumentException Invalid(string paramName, string problem, string? fix) =>
        new($"{paramName} {problem}{(fix is null ? "" : $": {fix}")}. Valid model ids: {string.Join(", ", ValidIds)}.", paramName);

    private static string Primary(ModalUseCase useCase) => ModalCatalog.UseCases.First(u => u.UseCase == useCase).Primary.Path;

    private static Dictionary<string, ImageEndpointMapping> BuildUseCases()
    {
        var byId = new Dictionary<string, ImageEndpointMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var useCase in ModalCatalog.UseCases)
        {
            if (useCase.Primary.OutputKind == ModalOutputKind.Image && ImageEndpointMappings.TryGet(useCase.Primary.Path, out var mapping))
            {
                byId[UseCaseId(useCase.UseCase)] = mapping;
            }
        }

        return byId;
    }
}
