namespace Modal.Client;

/// <summary>
/// Where the Modal apps are and how long calls may take. Bind it from configuration (section <c>Modal</c>) or set it in
/// <c>AddModalClient(o => ...)</c>; it is validated when the first client is built.
/// </summary>
/// <remarks>
/// Each app's base URL is resolved in this order: <see cref="AppUrls"/> for that app, then <see cref="BaseUrl"/>,
/// then the URL composed from <see cref="Workspace"/>:
/// <c>https://{workspace}--{app}-comfyui-fastapi-app.modal.run</c>.
/// </remarks>
public sealed class ModalClientOptions
{
    /// <summary>The configuration section that <c>AddModalClient(IConfiguration)</c> reads by convention.</summary>
    public const string SectionName = "Modal";

    /// <summary>
    /// The Modal workspace that serves the apps, for example <c>ryla</c>. Used to compose each app's URL when neither
    /// <see cref="AppUrls"/> nor <see cref="BaseUrl"/> gives one.
    /// </summary>
    /// <value>No default. Letters, digits and inner hyphens.</value>
    public string? Workspace { get; set; }

    /// <summary>
    /// One base URL for every app (a gateway, a proxy or a fake deployment); the endpoint path is appended to it.
    /// </summary>
    /// <value>No default.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Base URLs per app, keyed by <see cref="ModalApp.Name"/> (for example <c>ryla-flux</c>). Use it for
    /// <c>modal serve</c> (<c>-dev</c>) URLs, multi-environment workspaces or long names that do not compose.
    /// </summary>
    public IDictionary<string, Uri> AppUrls { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A time budget for every call, replacing each endpoint's <see cref="ModalEndpoint.DefaultBudget"/>.
    /// <see cref="EndpointTimeouts"/> still wins for the endpoints it names.
    /// </summary>
    /// <value>No default: each endpoint uses its catalog budget (5 to 13 minutes).</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Time budgets per endpoint, keyed by path (for example <c>/seedvr2</c>).</summary>
    public IDictionary<string, TimeSpan> EndpointTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many calls may be in flight to one app at once; further calls wait their turn (the wait counts toward their
    /// budget and is reported as <see cref="GeneratedMedia.QueueTime"/>).
    /// </summary>
    /// <value>5, the apps' <c>max_inputs</c> per container (a container serves its inputs one after another); 1 to 1000.</value>
    public int MaxConcurrentCallsPerApp { get; set; } = 5;

    /// <summary>When and how often a call is retried. By default only when the GPU job cannot have started.</summary>
    public ModalRetryOptions Retry { get; set; } = new();

    /// <summary>The circuit breaker kept per app, which stops calling an app that keeps failing at the platform level.</summary>
    public ModalCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>
    /// How long one GET of a result URL may take. Modal holds each GET for up to 150 s before answering another 303;
    /// a poll that takes longer is retried (reloading a result URL starts no new GPU work).
    /// </summary>
    /// <value>3 minutes; 10 ms to 1 day.</value>
    public TimeSpan ResultPollTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Credentials for apps deployed with Modal proxy auth (<c>Modal-Key</c> / <c>Modal-Secret</c> headers). The apps of
    /// the contract use none today.
    /// </summary>
    /// <value>No default: no auth headers are sent.</value>
    public ModalProxyAuth? ProxyAuth { get; set; }

    /// <summary>Client-side spending limits, enforced before each call is sent.</summary>
    public ModalBudgetOptions Budget { get; set; } = new();

    /// <summary>What traces carry beyond the defaults (prompt text is off by default).</summary>
    public ModalTelemetryOptions Telemetry { get; set; } = new();

    /// <summary>
    /// The largest result a call accepts, in bytes, whether it is read into memory or streamed to a file. A larger
    /// result is not downloaded: the call throws <see cref="ModalResultTooLargeException"/> (the GPU job has run by
    /// then). It is checked against the declared <c>Content-Length</c> before any of the body is read, so no buffer is
    /// ever sized beyond it. A result read into memory is also limited to what one array holds (about 2 GiB).
    /// </summary>
    /// <value>1 GiB (1,073,741,824 bytes): several times the largest video the endpoints return.</value>
    public long MaxResultBytes { get; set; } = 1L << 30;

    /// <summary>How long a health probe may take.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a warm-up may wait for a cold app's container to start.</summary>
    /// <value>5 minutes.</value>
    public TimeSpan WarmUpTimeout { get; set; } = TimeSpan.FromMinutes(5);

    internal TimeSpan BudgetFor(ModalEndpoint endpoint) =>
        EndpointTimeouts.TryGetValue(endpoint.Path, out var perEndpoint) ? perEndpoint
        : Timeout ?? endpoint.DefaultBudget;
}
