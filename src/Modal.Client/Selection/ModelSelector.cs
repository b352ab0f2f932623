using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// The inventory's speed, cost and use-case rankings as queries, and a way to run what they pick. Every figure comes
/// from <see cref="ModalCatalog"/>; removed and future endpoints are never selected. Get it from dependency injection.
/// </summary>
public sealed partial class ModelSelector : IModelSelector
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The endpoints <see cref="GenerateImageAsync(TextToImagePrompt, ModalEndpoint, bool, ModalCallOptions?, CancellationToken)"/> can run.</summary>
    private static readonly ModalEndpoint[] TextToImageEndpoints =
    [
        ModalEndpoint.FluxSchnell, ModalEndpoint.FluxDev, ModalEndpoint.SdxlTurbo, ModalEndpoint.SdxlLightning,
        ModalEndpoint.QwenImage2512, ModalEndpoint.QwenImage2512Fast, ModalEndpoint.ZImageSimple, ModalEndpoint.ZImageDanrisi,
    ];
    private readonly IModalClient _client;
    private readonly ILogger _logger;

    internal ModelSelector(IModalClient client, ModalDeploymentDiscovery discovery, ILogger<ModelSelector> logger)
    {
        _client = client;
        Discovery = discovery;
        _logger = logger;
    }

    /// <summary>Asks the apps which endpoints they really serve (cached), for <see cref="ModalSelectionCriteria.Deployment"/> and fallbacks.</summary>
    public ModalDeploymentDiscovery Discovery { get; }

    /// <summary>The inventory's recommendation for a use case.</summary>
    /// <param name="useCase">The use case.</param>
    /// <returns>Its primary endpoint, alternative and note.</returns>
    public static ModalUseCaseRecommendation Recommend(ModalUseCase useCase)
        => ModalCatalog.UseCases.Single(u => u.UseCase == useCase);

    /// <summary>The fastest ranked endpoint, overall or among those with every capability given.</summary>
    /// <param name="capability">Required capabilities; <see cref="ModalCapability.None"/> for all endpoints.</param>
    /// <param name="includeUndeployed">Also consider <see cref="ModalEndpointStatus.Undeployed"/> endpoints (skipped by default).</param>
    /// <returns>The endpoint, or <see langword="null"/> when no ranked endpoint has the capabilities.</returns>
    public static ModalEndpoint? Fastest(ModalCapability capability = ModalCapability.None, bool includeUndeployed = false)
        => ModalCatalog.SpeedRanking.FirstOrDefault(e => e.Capabilities.HasFlag(capability) && (includeUndeployed || e.Status == ModalEndpointStatus.Current));

    /// <summary>The cheapest ranked endpoint, overall or among those with every capability given.</summary>
    /// <param name="capability">Required capabilities; <see cref="ModalCapability.None"/> for all endpoints.</param>
    /// <param name="includeUndeployed">Also consider <see cref="ModalEndpointStatus.Undeployed"/> endpoints (skipped by default).</param>
    /// <returns>The endpoint, or <see langword="null"/> when no ranked endpoint has the capabilities.</returns>
    public static ModalEndpoint? Cheapest(ModalCapability capability = ModalCapability.None, bool includeUndeployed = false)
        => ModalCatalog.CostRanking.FirstOrDefault(e => e.Capabilities.HasFlag(capability) && (includeUndeployed || e.Status == ModalEndpointStatus.Current));

    /// <summary>
    /// The current endpoints that meet the criteria, in the documented order (<see cref="ModalSelectionOrder"/>), each with
    /// the reason it was chosen; the others with the constraint they failed.
    /// </summary>
    /// <param name="criteria">The constraints.</param>
    /// <returns>Candidates and rejections.</returns>
    public static ModalSelection Select(ModalSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var candidates = new List<ModalCandidate>();
        var rejected = new List<ModalCandidate>();
        foreach (var endpoint in ModalCatalog.Callable)
        {
            var problem = Rejection(endpoint, criteria);
            (problem is null ? candidates : rejected).Add(new ModalCandidate(endpoint, problem ?? Describe(endpoint)));
        }

        var ordered = criteria.OrderBy == ModalSelectionOrder.Speed
            ? candidates.OrderBy(c => c.Endpoint.SpeedRank ?? int.MaxValue).ThenBy(c => c.Endpoint.TypicalDuration ?? TimeSpan.MaxValue)
            : candidates.OrderBy(c => c.Endpoint.CostRank ?? int.MaxValue).ThenBy(c => c.Endpoint.DocumentedCostUsd ?? decimal.MaxValue);
        return new ModalSelection { Candidates = [.. ordered.ThenBy(c => c.Endpoint.Path, StringComparer.Ordinal)], Rejected = rejected };
    }

    /// <summary>What N calls of an endpoint are documented to cost and take.</summary>
    /// <param name="path">A callable endpoint's path, for example <c>/flux</c>.</param>
    /// <param name="calls">The number of calls, at least 1.</param>
    /// <param name="concurrency">Calls in flight at once (the client's <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/>, 5 by default).</param>
    /// <returns>The estimate; figures the inventory lacks are <see langword="null"/> with a caveat.</returns>
    public static ModalBatchEstimate EstimateBatch(string path, int calls, int concurrency = 5)
        => EstimateBatch(ModalCatalog.GetCallable(path), calls, concurrency);

    /// <summary>What N calls of an endpoint are documented to cost and take.</summary>
    /// <param name="endpoint">A callable endpoint, for example <see cref="ModalEndpoint.FluxSchnell"/>.</param>
    /// <param name="calls">The number of calls, at least 1.</param>
    /// <param name="concurrency">Calls in flight at once (the client's <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/>, 5 by default).</param>
    /// <returns>The estimate; figures the inventory lacks are <see langword="null"/> with a caveat.</returns>
    public static ModalBatchEstimate EstimateBatch(ModalEndpoint endpoint, int calls, int concurrency = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ModalCatalog.GetCallable(endpoint);
        var waves = (calls + concurrency - 1) / concurrency;
        return new ModalBatchEstimate
        {
            Endpoint = endpoint,
            Calls = calls,
            Concurrency = concurrency,
            TotalCostUsd = endpoint.DocumentedCostUsd * calls,
            SequentialDuration = endpoint.TypicalDuration * calls,
            ConcurrentDuration = endpoint.TypicalDuration * waves,
            Caveat = endpoint.TypicalDuration is null || endpoint.DocumentedCostUsd is null
                ? $"{endpoint.Path} was never benchmarked: its time and cost are unknown, not zero."
                : "Warm containers assumed: a cold start adds 1 to 3 minutes to the first call.",
        };
    }

    /// <inheritdoc/>
    public Task<GeneratedImage> GenerateImageAsync(
        TextToImagePrompt prompt, ModalEndpoint endpoint, bool fallback = false, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ModalCatalog.GetCallable(endpoint);
        if (!TextToImageEndpoints.Contains(endpoint))
        {
            throw new ArgumentException(
                $"{endpoint.Path} is not a plain text-to-image endpoint{(endpoint.Capabilities.HasFlag(ModalCapability.Lora) ? " (it needs a LoRA: call it through its typed request)" : "")}. "
                + $"Use one of {string.Join(", ", TextToImageEndpoints.Select(e => e.Path))}.",
                nameof(endpoint));
        }

        return RunWithFallbackAsync(Chain(endpoint, fallback), e => RunTextToImage(e, prompt, options, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<GeneratedImage> GenerateImageAsync(
        TextToImagePrompt prompt, ModalUseCase useCase, bool fallback = false, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
        => GenerateImageAsync(prompt, Recommend(useCase).Primary, fallback, options, cancellationToken);

    /// <inheritdoc/>
    public Task<GeneratedImage> GenerateFaceAsync(
        FacePrompt prompt, ModalEndpoint? endpoint = null, bool fallback = false, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        endpoint = ModalCatalog.GetCallable(endpoint ?? ModalEndpoint.SdxlInstantId);
        if (!endpoint.Capabilities.HasFlag(ModalCapability.FaceConsistency))
        {
            throw new ArgumentException($"{endpoint.Path} is not a face-consistency endpoint. Use /sdxl-instantid, /flux-pulid or /flux-ipadapter-faceid.", nameof(endpoint));
        }

        return RunWithFallbackAsync(Chain(endpoint, fallback), e => RunFace(e, prompt, options, cancellationToken));
    }

    private ModalEndpoint[] Chain(ModalEndpoint endpoint, bool fallback)
    {
        var alternative = fallback ? endpoint.Alternative : null;
        ModalEndpoint[] chain = alternative is null ? [endpoint] : [endpoint, alternative];
        var report = Discovery.Cached;
        var deployed = chain.Where(e => report?.StatusOf(e.Path) != ModalDeploymentStatus.Missing).ToArray();
        return deployed.Length > 0 ? deployed : chain;
    }

    private async Task<GeneratedImage> RunWithFallbackAsync(ModalEndpoint[] chain, Func<ModalEndpoint, Task<GeneratedImage>> run)
    {
        using var activity = chain.Length > 1 ? ModalTelemetry.Source.StartActivity($"select {chain[0].Path}", ActivityKind.Internal) : null;
        for (var i = 0; ; i++)
        {
            try
            {
                var image = await run(chain[i]).ConfigureAwait(false);
                activity?.SetTag("modal.endpoint", image.Endpoint.ToString());
                activity?.SetTag("modal.fallback", i > 0);
                return image;
            }
            catch (ModalException ex) when (i + 1 < chain.Length && !ex.GpuWorkMayHaveRun)
            {
                // Not deployed, or refused before any GPU work: the alternative costs nothing extra.
                var outcome = ModalTelemetry.Outcome(ex);
                activity?.AddEvent(new ActivityEvent("modal.fallback", tags: new ActivityTagsCollection
                {
                    ["modal.fallback.from"] = chain[i].Path,
                    ["modal.fallback.to"] = chain[i + 1].Path,
                    ["modal.fallback.reason"] = outcome,
                }));
                LogFallback(_logger, chain[i].Path, outcome, chain[i + 1].Path);
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Modal endpoint {Endpoint} unavailable ({Outcome}) before any GPU work; falling back to {Alternative}")]
    private static partial void LogFallback(ILogger logger, string endpoint, string outcome, string alternative);

    private Task<GeneratedImage> RunTextToImage(ModalEndpoint endpoint, TextToImagePrompt p, ModalCallOptions? o, CancellationToken ct) => endpoint.Path switch
    {
        ModalEndpointPaths.FluxSchnell => _client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.FluxDev => _client.Flux.DevAsync(new FluxDevRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.SdxlTurbo => _client.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.SdxlLightning => _client.Sdxl.LightningAsync(new SdxlLightningRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.QwenImage2512 => _client.Qwen.Image2512Async(new QwenImage2512Request { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.QwenImage2512Fast => _client.Qwen.Image2512FastAsync(new QwenImage2512FastRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.ZImageSimple => _client.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.ZImageDanrisi => _client.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        _ => throw new InvalidOperationException($"{endpoint.Path} has no text-to-image mapping."),
    };

    private Task<GeneratedImage> RunFace(ModalEndpoint endpoint, FacePrompt p, ModalCallOptions? o, CancellationToken ct) => endpoint.Path switch
    {
        ModalEndpointPaths.SdxlInstantId => _client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = p.ReferenceImage, Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.FluxPulid => _client.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = p.ReferenceImage, Prompt = p.Prompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        ModalEndpointPaths.FluxIpAdapterFaceId => _client.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = p.ReferenceImage, Prompt = p.Prompt, NegativePrompt = p.NegativePrompt, Width = p.Width, Height = p.Height, Seed = p.Seed }, o, ct),
        _ => throw new InvalidOperationException($"{endpoint.Path} has no face-consistency mapping."),
    };

    private static string? Rejection(ModalEndpoint endpoint, ModalSelectionCriteria criteria)
    {
        if (criteria.Exclude.Contains(endpoint))
        {
            return "excluded by the caller.";
        }

        if (criteria.Deployment?.StatusOf(endpoint) == ModalDeploymentStatus.Missing)
        {
            return $"not deployed: {criteria.Deployment.Reasons[endpoint.Path]}";
        }

        if (endpoint.Status == ModalEndpointStatus.Undeployed && !criteria.IncludeUndeployed
            && criteria.Deployment?.StatusOf(endpoint) != ModalDeploymentStatus.Deployed)
        {
            return "not served by the reference deployment (its route was deleted); set IncludeUndeployed to consider it.";
        }

        if (!endpoint.Capabilities.HasFlag(criteria.Capability))
        {
            return $"lacks {criteria.Capability & ~endpoint.Capabilities}.";
        }

        if (criteria.MaxCostUsd is { } maxCost)
        {
            if (endpoint.DocumentedCostUsd is not { } cost)
            {
                return string.Create(Invariant, $"has no documented cost, so it cannot be held to ${maxCost:0.000} (unknown is not zero).");
            }

            if (cost > maxCost)
            {
                return string.Create(Invariant, $"costs ${cost:0.000} per call, over ${maxCost:0.000}.");
            }
        }

        if (criteria.MaxDuration is { } maxDuration)
        {
            if (endpoint.TypicalDuration is not { } duration)
            {
                return string.Create(Invariant, $"was never timed, so it cannot be held to {maxDuration.TotalSeconds:0} s (unknown is not zero).");
            }

            if (duration > maxDuration)
            {
                return string.Create(Invariant, $"takes ~{duration.TotalSeconds:0} s, over {maxDuration.TotalSeconds:0} s.");
            }
        }

        return null;
    }

    internal static string Describe(ModalEndpoint e)
    {
        var cost = e.CostRank is { } c
            ? string.Create(Invariant, $"cost rank {c} of {ModalCatalog.CostRanking.Count} (${e.DocumentedCostUsd:0.000})")
            : e.DocumentedCostUsd is { } d ? string.Create(Invariant, $"cost unranked (${d:0.000} per the benchmark)") : "cost unranked and unknown";
        var speed = e.SpeedRank is { } s
            ? string.Create(Invariant, $"speed rank {s} of {ModalCatalog.SpeedRanking.Count} (~{e.TypicalDuration!.Value.TotalSeconds:0} s)")
            : e.TypicalDuration is { } t ? string.Create(Invariant, $"speed unranked (~{t.TotalSeconds:0} s per the benchmark)") : "speed unranked and unknown";
        return $"{cost}; {speed}.";
    }
}
