using Microsoft.Extensions.Time.Testing;

namespace Modal.Client.Tests;

/// <summary>
/// The default, in-memory <see cref="IModalSpendStore"/>: per-endpoint totals, and a rolling window kept in slices of
/// at most a thousandth of the window (one second at most), each leaving the window when its newest cost does.
/// </summary>
public sealed class ModalProcessSpendStoreTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Settle_CostsOverTime_LeaveTheWindowWithTheirSlice()
    {
        var store = new ModalProcessSpendStore(_time);
        Spend(store, 0.01m);                                  // t0: slice 1
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Spend(store, 0.02m);                                  // t0 + 0.5 s: still slice 1 (one second long)
        _time.Advance(TimeSpan.FromMilliseconds(1500));
        Spend(store, 0.04m);                                  // t0 + 2 s: slice 2

        _time.Advance(Hour - TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(250));
        Assert.Equal(0.07m, store.Snapshot(Hour).WindowUsd);  // 0.01 is past the hour, but its slice's newest cost is not: never less than exact

        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(0.04m, store.Snapshot(Hour).WindowUsd);  // slice 1 is past the hour

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0m, store.Snapshot(Hour).WindowUsd);
    }

    [Fact]
    public void Settle_ShortWindow_SlicesAreAThousandthOfIt()
    {
        var window = TimeSpan.FromSeconds(10);               // slices of 10 ms
        var store = new ModalProcessSpendStore(_time);
        Spend(store, 0.01m, window);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Spend(store, 0.02m, window);

        _time.Advance(window - TimeSpan.FromMilliseconds(20));
        Assert.Equal(0.02m, store.Snapshot(window).WindowUsd);
    }

    [Fact]
    public void Settle_ManyCalls_TotalsPerEndpointAndWindowAreExact()
    {
        var store = new ModalProcessSpendStore(_time);
        for (var i = 0; i < 5000; i++)
        {
            Spend(store, 0.001m, endpoint: i % 2 == 0 ? ModalEndpoint.FluxSchnell : ModalEndpoint.FluxDev, estimated: i % 5 == 0);
            _time.Advance(TimeSpan.FromMilliseconds(7));
        }

        var snapshot = store.Snapshot(Hour);

        Assert.Equal(5m, snapshot.WindowUsd);
        Assert.Equal(new ModalSpendLine(2500, 2m, 0.5m), snapshot.ByEndpoint["/flux"]);
        Assert.Equal(new ModalSpendLine(2500, 2m, 0.5m), snapshot.ByEndpoint["/flux-dev"]);
    }

    [Fact]
    public void Reserve_WindowLimit_CountsTheSlicesStillInTheWindow()
    {
        var store = new ModalProcessSpendStore(_time);
        Spend(store, 0.03m);
        _time.Advance(TimeSpan.FromMilliseconds(900));
        Spend(store, 0.01m);

        _time.Advance(Hour - TimeSpan.FromMilliseconds(500));
        var refused = store.Reserve(new ModalSpendRequest(ModalEndpoint.FluxSchnell, 0.02m, 0.05m, Hour, TimeSpan.FromMinutes(5)));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var granted = store.Reserve(new ModalSpendRequest(ModalEndpoint.FluxSchnell, 0.02m, 0.05m, Hour, TimeSpan.FromMinutes(5)));

        Assert.False(refused.Granted);
        Assert.Equal(0.01m, refused.RemainingUsd);
        Assert.True(granted.Granted);
    }

    private static void Spend(ModalProcessSpendStore store, decimal usd, TimeSpan? window = null, ModalEndpoint? endpoint = null, bool estimated = false)
    {
        var reservation = store.Reserve(new ModalSpendRequest(endpoint ?? ModalEndpoint.FluxSchnell, 0m, null, window ?? Hour, TimeSpan.FromMinutes(5)));
        store.Settle(reservation, new ModalCost(usd, estimated ? ModalCostSource.Estimated : ModalCostSource.Reported));
    }
}
