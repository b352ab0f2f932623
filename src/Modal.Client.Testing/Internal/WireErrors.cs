using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Internal;

/// <summary>The error bodies of the contract (§2.3 E1–E5, Appendix P), as the real stack renders them.</summary>
internal static class WireErrors
{
    public const string BadRedirectMethod = "modal-http: bad redirect method";
    public const string MissingRequest = "Missing request, possibly due to expiry or cancellation";

    /// <summary>Renders a handler exception the way <paramref name="spec"/>'s route does.</summary>
    public static FakeResponse Render(EndpointSpec spec, AppError error)
    {
        switch (spec.Style)
        {
            case ErrorStyle.AppHandler when error.HttpStatus is { } status:
                // E1: FastAPI's default HTTPException handler.
                return FakeResponse.Json(status, new JsonObject { ["detail"] = error.Detail });

            case ErrorStyle.AppHandler:
                var e2 = new JsonObject
                {
                    ["error"] = error.Message,
                    ["details"] = Traceback(spec, error),
                    ["type"] = error.Type,
                };
                if (spec.AddsPathToErrors)
                {
                    e2["path"] = spec.Path;
                }

                return FakeResponse.Json(500, e2);

            case ErrorStyle.RouteTryExcept:
                return FakeResponse.Json(RouteStatus(error), E3(spec, error));

            case ErrorStyle.SeedVr2:
                return FakeResponse.Json(SeedVr2Status(error), E3(spec, error));

            default:
                return FakeResponse.Json(
                    error.HttpStatus ?? 500,
                    new JsonObject { ["error"] = error.Message, ["type"] = error.Type });
        }
    }

    /// <summary>
    /// The status heuristic of /sdxl-instantid and /flux-ipadapter-faceid: an HTTPException keeps its code; else
    /// "not loaded" or "503" gives 503; else "400" or "bad request" gives 400; else 500.
    /// </summary>
    public static int RouteStatus(AppError error)
    {
        if (error.HttpStatus is { } status)
        {
            return status;
        }

        var message = error.Message;
        if (message.Contains("not loaded", StringComparison.OrdinalIgnoreCase) || message.Contains("503", StringComparison.Ordinal))
        {
            return 503;
        }

        return message.Contains("400", StringComparison.Ordinal) || message.Contains("bad request", StringComparison.OrdinalIgnoreCase)
            ? 400
            : 500;
    }

    /// <summary>/seedvr2: "not found" (or FileNotFoundError) gives 404, then "400"/"bad request" gives 400, else 500.</summary>
    public static int SeedVr2Status(AppError error)
    {
        if (error.HttpStatus is { } status)
        {
            return status;
        }

        var message = error.Message;
        if (message.Contains("not found", StringComparison.OrdinalIgnoreCase) || error.Type == "FileNotFoundError")
        {
            return 404;
        }

        return message.Contains("400", StringComparison.Ordinal) || message.Contains("bad request", StringComparison.OrdinalIgnoreCase)
            ? 400
            : 500;
    }

    public static FakeResponse NotFound() => FakeResponse.Json(404, new JsonObject { ["detail"] = "Not Found" });

    public static FakeResponse MethodNotAllowed(string allow) =>
        FakeResponse.Json(405, new JsonObject { ["detail"] = "Method Not Allowed" }).WithHeader("allow", allow);

    private static JsonObject E3(EndpointSpec spec, AppError error) => new()
    {
        ["error"] = error.Message,
        ["details"] = Traceback(spec, error),
        ["type"] = error.Type,
    };

    private static string Traceback(EndpointSpec spec, AppError error) =>
        "Traceback (most recent call last):\n"
        + $"  File \"/root/handlers/{spec.Module}.py\", line 1, in {HandlerName(spec)}\n"
        + "    (fake traceback from Modal.Client.Testing)\n"
        + $"{error.Type}: {error.Message}\n";

    private static string HandlerName(EndpointSpec spec) =>
        "_" + spec.Path.TrimStart('/').Replace('-', '_').Replace('.', '_') + "_impl";
}
