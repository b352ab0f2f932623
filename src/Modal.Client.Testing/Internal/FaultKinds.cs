using System.Globalization;

namespace Modal.Client.Testing.Internal;

/// <summary>What each <see cref="FakeFault"/> does to a response.</summary>
internal static class FaultKinds
{
    public static readonly TimeSpan DefaultSlowBody = TimeSpan.FromSeconds(1);

    /// <summary>The platform answer of a rejection fault, or <see langword="null"/> when the fault is not a rejection.</summary>
    public static FakeResponse? Rejection(FakeFault fault, TimeSpan? duration) => fault switch
    {
        FakeFault.RequestExpired => FakeResponse.Text(408, WireErrors.MissingRequest),
        FakeFault.RateLimited => FakeResponse.Text(429, "modal-http: rate limited")
            .WithHeader("Retry-After", Math.Max(0, (int)Math.Ceiling((duration ?? TimeSpan.FromSeconds(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
        FakeFault.ServiceUnavailable => FakeResponse.Text(503, "modal-http: service unavailable"),
        FakeFault.InvalidFunctionCall => FakeResponse.Text(404, "modal-http: invalid function call"),
        FakeFault.AppStopped => FakeResponse.Text(404, "modal-http: app for invoked web endpoint is stopped"),
        FakeFault.MissingCredentials => FakeResponse.Text(401, "modal-http: missing credentials for proxy authorization"),
        FakeFault.InvalidCredentials => FakeResponse.Text(401, "modal-http: invalid credentials for proxy authorization"),
        _ => null,
    };

    /// <summary>True for faults that end the GPU run badly: workflow failure and the platform's 500s.</summary>
    public static bool IsTerminal(FakeFault fault) =>
        fault is FakeFault.WorkflowFailure or FakeFault.FunctionTerminated or FakeFault.FunctionTimedOut;

    public static bool IsDelivery(FakeFault fault) =>
        fault is FakeFault.TruncatedBody or FakeFault.SlowBody or FakeFault.WrongContentType
            or FakeFault.MissingContentType or FakeFault.EmptyBody or FakeFault.HtmlErrorPage;

    /// <summary>The response of a terminal fault on <paramref name="spec"/>'s route.</summary>
    public static FakeResponse Terminal(EndpointSpec spec, FakeFault fault) => fault switch
    {
        FakeFault.FunctionTerminated => FakeResponse.Text(500, "modal-http: internal error: function was terminated by signal"),
        FakeFault.FunctionTimedOut => FakeResponse.Text(500, "modal-http: internal error: function execution timed out"),
        _ => WireErrors.Render(spec, EndpointRules.ScriptedFailure(spec)),
    };

    /// <summary>Spoils <paramref name="response"/> as a delivery fault says; other faults leave it alone.</summary>
    public static FakeResponse Spoil(FakeResponse response, FakeFault fault, TimeSpan? duration)
    {
        switch (fault)
        {
            case FakeFault.TruncatedBody:
                response.Transport = TransportFault.Truncate;
                break;
            case FakeFault.SlowBody:
                response.Transport = TransportFault.Slow;
                response.TransportDuration = duration ?? DefaultSlowBody;
                break;
            case FakeFault.WrongContentType:
                response.ContentType = "application/json";
                break;
            case FakeFault.MissingContentType:
                response.ContentType = null;
                break;
            case FakeFault.EmptyBody:
                response.Body = [];
                break;
            case FakeFault.HtmlErrorPage:
                var page = new FakeResponse(
                    200,
                    "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>"u8.ToArray());
                foreach (var header in response.Headers.Where(h => h.Key == FakeHeaders.FunctionCallId))
                {
                    page.Headers.Add(header);
                }

                return page;
        }

        return response;
    }
}
