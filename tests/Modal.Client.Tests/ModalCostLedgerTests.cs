using Microsoft.Extensions.Options;

namespace Modal.Client.Tests;

/// <summary>The ledger's reservations: what it asks the <see cref="IModalSpendStore"/> for, under the current limits.</summary>
public sealed class ModalCostLedgerTests
{
    [Fact]
    public async Task ReserveAsync_LimitsChangeBetweenCalls_TheStoreGetsTheCurrentLimits()
    {
        var options = new ModalClientOptions();
        options.Budget.MaxSpendPerWindowUsd = 1m;
        var store = new RecordingStore();
        var ledger = new ModalCostLedger(new CurrentOptions(options), store);

        await ledger.ReserveAsync(ModalEndpoint.FluxSchnell, TimeSpan.FromMinutes(2), CancellationToken.None);
        options.Budget.MaxSpendPerWindowUsd = 2m;
        options.Budget.Window = TimeSpan.FromMinutes(30);
        await ledger.ReserveAsync(ModalEndpoint.FluxSchnell, TimeSpan.FromMinutes(2), CancellationToken.None);
        await ledger.ReserveAsync(ModalEndpoint.FluxSchnell, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Collection(
            store.Requests,
            r => Assert.Equal((1m, TimeSpan.FromHours(1), TimeSpan.FromMinutes(3)), (r.LimitUsd!.Value, r.Window, r.HoldFor)),
            r => Assert.Equal((2m, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3)), (r.LimitUsd!.Value, r.Window, r.HoldFor)),
            r => Assert.Equal((2m, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(6)), (r.LimitUsd!.Value, r.Window, r.HoldFor)));
        Assert.All(store.Requests, r => Assert.Same(ModalEndpoint.FluxSchnell, r.Endpoint));
        Assert.Equal(ModalCostLedger.Estimate(ModalEndpoint.FluxSchnell, TimeSpan.FromMinutes(2)), store.Requests[0].EstimateUsd);
    }

    private sealed class CurrentOptions(ModalClientOptions value) : IOptionsMonitor<ModalClientOptions>
    {
        public ModalClientOptions CurrentValue => value;

        public ModalClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ModalClientOptions, string?> listener) => null;
    }

    private sealed class RecordingStore : IModalSpendStore
    {
        public List<ModalSpendRequest> Requests { get; } = [];

        public ValueTask<ModalSpendReservation> ReserveAsync(ModalSpendRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return ValueTask.FromResult(new ModalSpendReservation(request, Granted: true, 0m, IsShared: false));
        }

        public ValueTask SettleAsync(ModalSpendReservation reservation, ModalCost? cost, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ModalSpendSnapshot Snapshot(TimeSpan window) => ModalSpendSnapshot.Create(new Dictionary<string, ModalSpendLine>(), 0, 0, isShared: false);

        public void Reset()
        {
        }
    }
}
