namespace Modal.Client.Testing.Tests;

/// <summary>One default fake shared by a test class whose tests neither script faults nor read the journal.</summary>
public sealed class SharedFake : IDisposable
{
    public FakeModalDeployment Fake { get; } = FakeModalDeployment.Start();

    public void Dispose() => Fake.Dispose();
}
