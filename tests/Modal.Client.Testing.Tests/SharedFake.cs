namespace Modal.Client.Testing.Tests;

/// <summary>
/// One fake shared by a test class whose tests neither script faults nor read the journal. It also serves the deleted
/// /sdxl-turbo and /sdxl-lightning routes and accepts any LoRA, so every endpoint's happy path can run; node limits
/// are enforced as by default.
/// </summary>
public sealed class SharedFake : IDisposable
{
    public FakeModalDeployment Fake { get; } = FakeModalDeployment.Start(new() { ServeDeletedSdxlRoutes = true, AcceptUnknownLoras = true });

    public void Dispose() => Fake.Dispose();
}
