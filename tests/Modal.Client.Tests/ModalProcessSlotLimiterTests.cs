namespace Modal.Client.Tests;

/// <summary>The default, per-process <see cref="IModalSlotLimiter"/>: its leases free their slot once, on the first dispose.</summary>
public sealed class ModalProcessSlotLimiterTests
{
    [Fact]
    public async Task AcquireAsync_LeaseDisposed_FreesTheSlotForTheNextCall()
    {
        using var limiter = new ModalProcessSlotLimiter();
        var first = await limiter.AcquireAsync(ModalEndpoint.FluxSchnell, permitLimit: 1, CancellationToken.None);
        var waiting = limiter.AcquireAsync(ModalEndpoint.FluxSchnell, permitLimit: 1, CancellationToken.None).AsTask();
        Assert.False(first.Waited);
        Assert.False(waiting.IsCompleted);

        first.Dispose();
        using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(second.Waited);
        Assert.False(second.IsShared);
    }

    [Fact]
    public async Task AcquireAsync_LeaseDisposedTwice_FreesOnlyOneSlot()
    {
        using var limiter = new ModalProcessSlotLimiter();
        var first = await limiter.AcquireAsync(ModalEndpoint.FluxSchnell, permitLimit: 2, CancellationToken.None);
        using var second = await limiter.AcquireAsync(ModalEndpoint.FluxSchnell, permitLimit: 2, CancellationToken.None);
        first.Dispose();
        using var third = await limiter.AcquireAsync(ModalEndpoint.FluxSchnell, permitLimit: 2, CancellationToken.None);

        first.Dispose();
        var fourth = limiter.AcquireAsync(ModalEndpoint.FluxSchnell, permitLimit: 2, CancellationToken.None);

        Assert.False(third.Waited);
        Assert.False(fourth.IsCompleted);
        second.Dispose();
        using var granted = await fourth.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(granted.Waited);
    }
}
