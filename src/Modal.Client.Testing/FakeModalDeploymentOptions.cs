namespace Modal.Client.Testing;

/// <summary>How <see cref="FakeModalDeployment.Start"/> sets up the fake. Read once, at start.</summary>
public sealed class FakeModalDeploymentOptions
{
    /// <summary>
    /// One loopback port per Modal app (six servers) instead of one port for all. In per-app mode an endpoint is served
    /// only on its own app's port; elsewhere it is <c>404 {"detail":"Not Found"}</c>, as on the real apps.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool PortPerApp { get; set; }

    /// <summary>
    /// Modal's limit for one web request (contract P1). A call whose simulated time exceeds it answers 303 with a
    /// result URL; each result-URL GET is held at most this long, then answers 303 again or the result.
    /// </summary>
    /// <value>Default 150 seconds. Use a few milliseconds in tests.</value>
    public TimeSpan SyncLimit { get; set; } = TimeSpan.FromSeconds(150);

    /// <summary>
    /// The simulated GPU time of every call, unless <see cref="FakeEndpoint.GenerationTime"/> overrides it per
    /// endpoint. Requests are really held this long (by <see cref="TimeProvider"/>).
    /// </summary>
    /// <value>Default <see cref="TimeSpan.Zero"/>: answer at once.</value>
    public TimeSpan DefaultGenerationTime { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The clock that holds requests for simulated durations (generation, cold starts, the sync limit), paces
    /// <see cref="FakeFault.SlowBody"/> and stamps the journal. With a fake clock, held requests wait until it advances.
    /// </summary>
    /// <value>Default <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The LoRA files that exist on the fake model volume (with or without <c>.safetensors</c>), for example
    /// <c>character-42</c>, <c>qwen-character-42</c>, <c>wan-character-42</c>. A LoRA endpoint asked for another file
    /// answers E1 <c>404 {"detail":"LoRA not found: …"}</c> with its own hint (contract X.7), as the real apps do. The
    /// style LoRAs baked into ryla-z-image (<c>realistic-snapshot-zit</c> and five more) are always present on
    /// /z-image-lora.
    /// </summary>
    /// <value>Default <see langword="null"/>: no LoRA besides the ryla-z-image style LoRAs (unless <see cref="AcceptUnknownLoras"/>).</value>
    public IReadOnlyCollection<string>? KnownLoras { get; set; }

    /// <summary>
    /// Treat every LoRA file as present, so any <c>lora_id</c> or <c>lora_name</c> generates. The real apps answer
    /// <c>404 LoRA not found</c> for a file their volume lacks; turn this on only for tests that do not care which
    /// LoRAs exist.
    /// </summary>
    /// <value>Default <see langword="false"/>: only <see cref="KnownLoras"/> and the ryla-z-image style LoRAs exist.</value>
    public bool AcceptUnknownLoras { get; set; }

    /// <summary>
    /// Serve /sdxl-turbo and /sdxl-lightning as deployed on 2026-02-02 (200 with an image). The routes were deleted
    /// from ryla-instantid, which answers them <c>404 {"detail":"Not Found"}</c> (contract §3.4, §3.5); so does the fake
    /// unless this is set.
    /// </summary>
    /// <value>Default <see langword="false"/>: 404, like the live app since 2026-02-06.</value>
    public bool ServeDeletedSdxlRoutes { get; set; }

    /// <summary>
    /// Fail inputs past the real ComfyUI nodes' limits the way the real servers do: the request is accepted, the GPU
    /// job starts, then ComfyUI's validation refuses the graph and the route answers its error (500, or 400 on the
    /// routes that pick the status from the message) with ComfyUI's text, for example
    /// <c>Value 90.0 bigger than max of 60.0: force_rate</c>. The limits: XLabs <c>ip_scale</c> ≤ 1 and XlabsSampler
    /// <c>steps</c>/<c>timestep_to_start_cfg</c> ≤ 100 and provider CPU/GPU (/flux-ipadapter-faceid); ZImageSampler
    /// width/height ≥ 256, steps ≤ 100, <c>guidance_scale</c> ≤ 20 (/z-image-simple, /z-image-danrisi); VHS
    /// <c>force_rate</c> ≤ 60 and ReActor <c>face_restore_visibility</c> ≥ 0.1 (/video-faceswap); SeedVR2 <c>seed</c>
    /// ≤ 2^32-1 (/seedvr2); InstantID provider CPU/CUDA/ROCM/CoreML (/sdxl-instantid).
    /// </summary>
    /// <value>Default <see langword="true"/>. <see langword="false"/> lets such inputs generate.</value>
    public bool EnforceNodeLimits { get; set; } = true;

    /// <summary>
    /// When set with <see cref="ProxyAuthSecret"/>, every request must carry <c>Modal-Key</c> and <c>Modal-Secret</c>
    /// with these values, else 401 <c>modal-http: missing|invalid credentials for proxy authorization</c> (contract P8).
    /// </summary>
    /// <value>Default <see langword="null"/>: no proxy auth, like the apps today.</value>
    public string? ProxyAuthKey { get; set; }

    /// <summary>The <c>Modal-Secret</c> value required with <see cref="ProxyAuthKey"/>.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? ProxyAuthSecret { get; set; }
}
