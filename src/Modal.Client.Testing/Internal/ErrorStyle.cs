namespace Modal.Client.Testing.Internal;

/// <summary>How a route turns an exception into a response (contract §2.3).</summary>
internal enum ErrorStyle
{
    /// <summary>No try/except in the route: HTTPException gives E1 <c>{"detail"}</c>, anything else E2 500.</summary>
    AppHandler,

    /// <summary>The route's own try/except (E3): <c>{"error","details","type"}</c>, status by substring heuristic.</summary>
    RouteTryExcept,

    /// <summary>/seedvr2's try/except (E3) with its own heuristic: "not found" gives 404.</summary>
    SeedVr2,

    /// <summary>The 2026-02-02 /sdxl-turbo and /sdxl-lightning: <c>{"error","type"}</c> without details.</summary>
    LegacySdxl,
}
