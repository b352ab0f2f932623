using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>
/// The extension points a shared store (Modal.Client.Redis) plugs into: <see cref="IModalSlotLimiter"/> and
/// <see cref="IModalSpendStore"/>, registered before AddModalClient or replacing its defaults.
/// </summary>
public sealed class LimitSeamTests
{
    [Fact]
    public async Task SlotLimiter_Registered_GetsTheEndpointAndLimitAndItsSharedFlagTagsTheQueueMetric()
    {
        var limiter = new RecordingLimiter(waited: false, shared: true);
        using var modal = new FakeModal(configure: o => o.MaxConcurrentCallsPerApp = 3, configureServices: s => s.AddSingleton<IModalSlotLimiter>(limiter));
        using var queue = new MetricCollector<double>(modal.Services.GetRequiredService<IMeterFactory>(), "Modal.Client", "modal.client.queue.duration");

        var image = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox", Width = 64, Height = 64 });

        Assert.Equal([("/flux", 3)], limiter.Requests);
        Assert.Equal(1, limiter.Released);
        Assert.Equal(TimeSpan.Zero, image.QueueTime);
        var measurement = Assert.Single(queue.GetMeasurementSnapshot());
        Assert.Equal(true, measurement.Tags["modal.limit.shared"]);
        Assert.Equal(0d, measurement.Value);
    }

    [Fact]
    public async Task SlotLimiter_SharedLimitsUnavailable_CallFailsBeforeSendingWithTheOutcomeLimitsUnavailable()
    {
        var limiter = new RecordingLimiter(waited: false, shared: true)
        {
            Failure = new ModalSharedLimitsUnavailableException("/flux was not sent: the store is down.", ModalEndpoint.FluxSchnell, "concurrency"),
        };
        using var modal = new FakeModal(configureServices: s => s.AddSingleton<IModalSlotLimiter>(limiter));
        using var calls = new MetricCollector<long>(modal.Services.GetRequiredService<IMeterFactory>(), "Modal.Client", "modal.client.calls");

        var ex = await Assert.ThrowsAsync<ModalSharedLimitsUnavailableException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }));

        Assert.Same(limiter.Failure, ex);
        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.Empty(modal.Fake.Journal.All);
        Assert.Equal("limits_unavailable", Assert.Single(calls.GetMeasurementSnapshot()).Tags["modal.outcome"]);
        Assert.Equal(0, modal.Services.GetRequiredService<ModalCostLedger>().Snapshot().Total.Calls);
    }

    [Fact]
    public async Task SpendStore_RefusesASharedReservation_CallIsRefusedWithTheSharedBudgetInTheMessage()
    {
        var store = new RecordingStore(granted: false);
        using var modal = new FakeModal(configure: o => o.Budget.MaxSpendPerWindowUsd = 0.05m, configureServices: s => s.AddSingleton<IModalSpendStore>(store));

        var ex = await Assert.ThrowsAsync<ModalBudgetExceededException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }));

        Assert.Equal(
            "/flux was not sent: its estimated cost $0.016 would cross the shared budget of $0.050 per 1 h ($0.004 remains for every process using the same store). Raise ModalClientOptions.Budget or wait for the window to roll.",
            ex.Message);
        Assert.Equal(0.004m, ex.RemainingUsd);
        var request = Assert.Single(store.Requests);
        Assert.Equal(0.016m, request.EstimateUsd);
        Assert.Equal(0.05m, request.LimitUsd);
        Assert.Equal(TimeSpan.FromHours(1), request.Window);
        Assert.Equal(TimeSpan.FromMinutes(6), request.HoldFor); // /flux's 5-minute budget plus a minute
        Assert.Empty(store.Settled);
        Assert.Empty(modal.Fake.Journal.All);
    }

    [Fact]
    public async Task SpendStore_GrantedReservation_IsSettledOnceWithTheCallsCost()
    {
        var store = new RecordingStore(granted: true);
        using var modal = new FakeModal(configureServices: s => s.AddSingleton<IModalSpendStore>(store));

        var image = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox", Width = 64, Height = 64 });

        var (reservation, cost) = Assert.Single(store.Settled);
        Assert.Same(Assert.Single(store.Reservations), reservation);
        Assert.Equal(image.Cost, cost);
    }

    private sealed class RecordingLimiter(bool waited, bool shared) : IModalSlotLimiter
    {
        private int _released;

        public ConcurrentQueue<(string Path, int Limit)> Queue { get; } = new();

        public IReadOnlyList<(string Path, int Limit)> Requests => [.. Queue];

        public int Released => _released;

        public ModalSharedLimitsUnavailableException? Failure { get; init; }

        public ValueTask<ModalSlotLease> AcquireAsync(ModalEndpoint endpoint, int permitLimit, CancellationToken cancellationToken)
        {
            Queue.Enqueue((endpoint.Path, permitLimit));
            return Failure is { } failure
                ? ValueTask.FromException<ModalSlotLease>(failure)
                : ValueTask.FromResult(new ModalSlotLease(waited, shared, () => Interlocked.Increment(ref _released)));
        }
    }

    private sealed class RecordingStore(bool granted) : IModalSpendStore
    {
        public ConcurrentQueue<ModalSpendRequest> Requests { get; } = new();

        public ConcurrentQueue<ModalSpendReservation> Reservations { get; } = new();

        public ConcurrentQueue<(ModalSpendReservation Reservation, ModalCost? Cost)> Settled { get; } = new();

        public ValueTask<ModalSpendReservation> ReserveAsync(ModalSpendRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            var reservation = new ModalSpendReservation(request, granted, 0.004m, IsShared: true) { Id = "r-1" };
            Reservations.Enqueue(reservation);
            return ValueTask.FromResult(reservation);
        }

        public ValueTask SettleAsync(ModalSpendReservation reservation, ModalCost? cost, CancellationToken cancellationToken)
        {
            Settled.Enqueue((reservation, cost));
            return ValueTask.CompletedTask;
        }

        public ModalSpendSnapshot Snapshot(TimeSpan window) => ModalSpendSnapshot.Create(new Dictionary<string, ModalSpendLine>(), 0, 0, isShared: true);

        public void Reset()
        {
        }
    }
}
