using Microsoft.Extensions.Time.Testing;

namespace Modal.Client.Tests;

/// <summary>The in-process spend window: exact totals, bounded size, and costs that never leave the window early.</summary>
public sealed class ProcessSpendStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private static void Book(ModalProcessSpendStore store, decimal usd)
    {
        var reservation = store.Reserve(new ModalSpendRequest(ModalEndpoint.FluxSchnell, usd, LimitUsd: 1_000m, Window, HoldFor: TimeSpan.FromMinutes(5)));
        store.Settle(reservation, new ModalCost(usd, ModalCostSource.Reported));
    }

    [Fact]
    public void Window_ManyCallsCloseTogether_SumsExactly_AndExpiresAfterTheLast()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new ModalProcessSpendStore(time);

        for (var i = 0; i < 30; i++)
        {
            Book(store, 0.01m);
            time.Advance(TimeSpan.FromMilliseconds(100));   // 3 s in all: within 1/1024 of the hour, so they share one entry
        }

        Assert.Equal(0.30m, store.Snapshot(Window).WindowUsd);
        time.Advance(Window - TimeSpan.FromSeconds(1));    // the first cost is older than the window, the last is not
        Assert.Equal(0.30m, store.Snapshot(Window).WindowUsd);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0m, store.Snapshot(Window).WindowUsd);
        Assert.Equal(30, store.Snapshot(Window).Total.Calls);
    }

    [Fact]
    public void Window_CallsSpreadOverTheHour_ExpireOneByOne()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new ModalProcessSpendStore(time);

        Book(store, 1m);
        time.Advance(TimeSpan.FromMinutes(30));
        Book(store, 2m);
        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(2m, store.Snapshot(Window).WindowUsd);
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0m, store.Snapshot(Window).WindowUsd);
    }

    [Fact]
    public void Window_ManyThousandCalls_KeepsOnlyAboutOneEntryPerBucket()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new ModalProcessSpendStore(time);

        for (var i = 0; i < 100_000; i++)
        {
            Book(store, 0.001m);
            time.Advance(TimeSpan.FromMilliseconds(20));     // 50 calls/s for 2,000 s
        }

        var entries = (System.Collections.ICollection)typeof(ModalProcessSpendStore)
            .GetField("_window", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(store)!;
        Assert.InRange(entries.Count, 500, 1024);
        Assert.Equal(100m, store.Snapshot(TimeSpan.FromDays(1)).Total.ReportedUsd);
    }
}
