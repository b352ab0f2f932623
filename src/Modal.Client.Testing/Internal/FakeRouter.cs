using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Modal.Client.Testing.Internal;

/// <summary>
/// The request handler of one fake server: one Modal app in per-app mode, all apps in single-port mode. Routes to
/// /health, /openapi.json, the endpoints and their result URLs, and answers like FastAPI and Modal's proxy do.
/// </summary>
internal sealed class FakeRouter(DeploymentCore core, string? app)
{
    public const string CallIdParameter = "__modal_function_call_id";

    /// <summary>The server's base URL (no trailing slash), known once the server has started.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        FakeResponse response;
        try
        {
            response = await DecideAsync(request).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            response = FakeResponse.Reset(); // the deployment is being disposed
        }

        return ToWireMock(response);
    }

    private static ResponseMessage ToWireMock(FakeResponse response)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        if (response.ContentType is { } contentType)
        {
            headers["Content-Type"] = new WireMockList<string>(contentType);
        }

        foreach (var (name, value) in response.Headers)
        {
            headers[name] = new WireMockList<string>(value);
        }

        var marker = response.Transport switch
        {
            TransportFault.Reset => "reset",
            TransportFault.Truncate => "truncate",
            TransportFault.Slow => "slow:" + response.TransportDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (marker is not null)
        {
            headers[TransportMiddleware.Marker] = new WireMockList<string>(marker);
        }

        return new ResponseMessage
        {
            StatusCode = response.Status == 0 ? 500 : response.Status,
            Headers = headers,
            BodyData = response.Body.Length == 0
                ? null
                : new BodyData { BodyAsBytes = response.Body, DetectedBodyType = BodyType.Bytes },
        };
    }

    private static string? QueryValue(string? rawQuery, string name)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return null;
        }

        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (key == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static string BodyText(IRequestMessage request)
    {
        if (request.BodyAsBytes is { Length: > 0 } bytes)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return request.Body ?? string.Empty;
    }

    private async Task<FakeResponse> DecideAsync(IRequestMessage request)
    {
        var method = request.Method.ToUpperInvariant();
        var path = request.Path;
        var callId = QueryValue(request.RawQuery, CallIdParameter);
        var isPoll = callId is not null;
        var isEndpoint = core.Endpoints.TryGetValue(path, out var endpoint) && endpoint.IsServed && (app is null || endpoint.App == app);
        var body = BodyText(request);
        var assignedId = isPoll ? callId : DeploymentCore.NewCallId();

        core.Journal.Record(new FakeRequest(
            method,
            path,
            path + request.RawQuery,
            app,
            Headers(request),
            body,
            isEndpoint || isPoll ? assignedId : null,
            isPoll,
            core.TimeProvider.GetUtcNow()));

        if (ProxyAuthFailure(request) is { } denied)
        {
            return denied;
        }

        if (path == "/health")
        {
            return method == "GET"
                ? Stamp(FakeResponse.Json(200, new JsonObject { ["status"] = "healthy", ["app"] = app ?? FakeModalDeployment.SinglePortAppName }))
                : Stamp(WireErrors.MethodNotAllowed("GET"));
        }

        if (path == "/openapi.json")
        {
            return method == "GET" ? Stamp(FakeResponse.Json(200, OpenApi())) : Stamp(WireErrors.MethodNotAllowed("GET"));
        }

        if (!isEndpoint)
        {
            return Stamp(WireErrors.NotFound());
        }

        if (isPoll)
        {
            return method == "GET"
                ? await PollAsync(endpoint!, callId!).ConfigureAwait(false)
                : FakeResponse.Text(400, WireErrors.BadRedirectMethod);
        }

        return method == "POST"
            ? await CallAsync(endpoint!, body, assignedId!).ConfigureAwait(false)
            : Stamp(WireErrors.MethodNotAllowed("POST"));
    }

    private async Task<FakeResponse> CallAsync(FakeEndpoint endpoint, string body, string callId)
    {
        core.Journal.CountRequest(endpoint.Path);
        var (fault, duration) = endpoint.NextCallFault();
        if (FaultKinds.Rejection(fault, duration) is { } rejected)
        {
            return rejected;
        }

        var evaluation = EndpointRules.Evaluate(endpoint.Spec, body, core.Loras, core.EnforceNodeLimits);
        if (evaluation.Rejection is { } error)
        {
            if (fault == FakeFault.ConnectionReset)
            {
                return FakeResponse.Reset();
            }

            var response = WireErrors.Render(endpoint.Spec, error).WithHeader(FakeHeaders.FunctionCallId, callId);
            return FaultKinds.Spoil(response, fault, duration);
        }

        core.Journal.CountGpuRun(endpoint.Path);
        core.Journal.RunStarted(endpoint.App);
        var simulated = endpoint.GenerationTime ?? core.DefaultGenerationTime;
        if (fault == FakeFault.ColdStart)
        {
            simulated += duration ?? (core.SyncLimit * 2);
        }

        var job = new FakeJob(
            callId,
            endpoint.Spec,
            simulated,
            evaluation,
            FaultKinds.IsTerminal(fault) ? fault : FakeFault.None,
            FaultKinds.IsDelivery(fault) ? fault : FakeFault.None,
            duration);

        if (fault == FakeFault.ConnectionReset)
        {
            End(job); // counted in flight until the reset only
            return FakeResponse.Reset(); // the run goes on without anyone waiting for it (contract P12)
        }

        return await ServeAsync(job).ConfigureAwait(false);
    }

    private async Task<FakeResponse> PollAsync(FakeEndpoint endpoint, string callId)
    {
        core.Journal.CountPoll(endpoint.Path);
        var (fault, duration) = endpoint.NextPollFault();
        if (FaultKinds.Rejection(fault, duration) is { } rejected)
        {
            return rejected;
        }

        if (fault == FakeFault.ConnectionReset)
        {
            return FakeResponse.Reset();
        }

        if (!core.Jobs.TryGetValue(callId, out var job) || job.Spec.Path != endpoint.Path)
        {
            return FakeResponse.Text(408, WireErrors.MissingRequest);
        }

        if (FaultKinds.IsTerminal(fault))
        {
            if (!job.TryMarkDelivered())
            {
                return FakeResponse.Text(408, WireErrors.MissingRequest);
            }

            job.Release();
            End(job);
            return FaultKinds.Terminal(job.Spec, fault).WithHeader(FakeHeaders.FunctionCallId, callId);
        }

        if (fault == FakeFault.ColdStart)
        {
            job.Extend(duration ?? (core.SyncLimit * 2));
        }

        var response = await ServeAsync(job).ConfigureAwait(false);
        return FaultKinds.Spoil(response, fault, duration);
    }

    /// <summary>Holds the request for the next slice of the run, then answers 303 (still running) or the result.</summary>
    private async Task<FakeResponse> ServeAsync(FakeJob job)
    {
        var (wait, completes) = job.Reserve(core.SyncLimit);
        if (!completes)
        {
            core.Jobs.TryAdd(job.CallId, job);
        }

        try
        {
            await core.DelayAsync(wait).ConfigureAwait(false);
        }
        finally
        {
            if (completes)
            {
                End(job);
            }
        }

        if (!completes)
        {
            var location = $"{BaseUrl}{job.Spec.Path}?{CallIdParameter}={job.CallId}";
            return new FakeResponse(303, null, [])
                .WithHeader("Location", location)
                .WithHeader(FakeHeaders.FunctionCallId, job.CallId);
        }

        return job.TryMarkDelivered() ? job.Result() : FakeResponse.Text(408, WireErrors.MissingRequest);
    }

    private void End(FakeJob job)
    {
        if (job.TryEnd())
        {
            core.Journal.RunEnded(job.Spec.App);
        }
    }

    private FakeResponse? ProxyAuthFailure(IRequestMessage request)
    {
        if (core.ProxyAuthKey is null && core.ProxyAuthSecret is null)
        {
            return null;
        }

        var headers = Headers(request);
        var hasKey = headers.TryGetValue("Modal-Key", out var key);
        var hasSecret = headers.TryGetValue("Modal-Secret", out var secret);
        if (!hasKey || !hasSecret)
        {
            return FaultKinds.Rejection(FakeFault.MissingCredentials, null);
        }

        return key == core.ProxyAuthKey && secret == core.ProxyAuthSecret
            ? null
            : FaultKinds.Rejection(FakeFault.InvalidCredentials, null);
    }

    private JsonObject OpenApi()
    {
        var paths = new JsonObject();
        foreach (var endpoint in core.Endpoints.Values.Where(e => e.IsServed && (app is null || e.App == app)))
        {
            paths[endpoint.Path] = new JsonObject { ["post"] = new JsonObject() };
        }

        paths["/health"] = new JsonObject { ["get"] = new JsonObject() };
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "FastAPI", ["version"] = "0.1.0" },
            ["paths"] = paths,
        };
    }

    private static FakeResponse Stamp(FakeResponse response) =>
        response.WithHeader(FakeHeaders.FunctionCallId, DeploymentCore.NewCallId());

    private static Dictionary<string, string> Headers(IRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers is not null)
        {
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = string.Join(", ", values);
            }
        }

        return headers;
    }
}
