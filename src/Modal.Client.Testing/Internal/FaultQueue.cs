using System.Collections.Concurrent;

namespace Modal.Client.Testing.Internal;

/// <summary>A thread-safe FIFO of scripted faults; an empty queue means "behave normally".</summary>
internal sealed class FaultQueue
{
    private readonly ConcurrentQueue<(FakeFault Fault, TimeSpan? Duration)> entries = new();

    public int Count => entries.Count;

    public void Add(FakeFault fault, int times, TimeSpan? duration)
    {
        for (var i = 0; i < times; i++)
        {
            entries.Enqueue((fault, duration));
        }
    }

    public (FakeFault Fault, TimeSpan? Duration) Next() =>
        entries.TryDequeue(out var entry) ? entry : (FakeFault.None, null);

    public void Clear() => entries.Clear();
}
