namespace Modal.Client.ReliabilityTests.Support;

/// <summary>
/// The tests that measure the whole process (managed heap, unobserved task exceptions, TCP connections) run in this
/// collection, which xunit runs on its own, after or before the parallel collections but never beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Process-wide measurements";
}
