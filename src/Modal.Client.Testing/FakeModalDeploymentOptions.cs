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
    /// answers E1 <c>404 {"detail":"LoRA not found: …"}</c> with its own hint (contract X.7). The style LoRAs baked into
    /// ryla-z-image are always present on /z-image-lora.
    /// </summary>
    /// <value>Default <see langword="null"/>: every LoRA exists.</value>
    public IReadOnlyCollection<string>? KnownLoras { get; set; }

    /// <summary>
    /// Serve /sdxl-turbo and /sdxl-lightning as deployed on 2026-02-02 (200 with an image). When
    /// <see langword="false"/> they answer <c>404 {"detail":"Not Found"}</c>, as the live app did on 2026-02-06.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool SdxlTurboAndLightningDeployed { get; set; } = true;

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
