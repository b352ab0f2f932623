namespace Modal.Client.Tests;

public sealed class ModalSpendSnapshotTests
{
    [Fact]
    public void ToString_TwoEndpoints_ListsTotalPartsWindowAndEndpointsMostExpensiveFirst()
    {
        var flux = new ModalSpendLine(2, 0m, 0.010840m);
        var pulid = new ModalSpendLine(1, 0.021m, 0m);
        var snapshot = new ModalSpendSnapshot
        {
            Total = new ModalSpendLine(3, 0.021m, 0.010840m),
            ByEndpoint = new Dictionary<string, ModalSpendLine> { ["/flux"] = flux, ["/flux-pulid"] = pulid },
            ByFamily = new Dictionary<ModalFamily, ModalSpendLine> { [ModalFamily.Flux] = flux },
            WindowUsd = 0.031840m,
            InFlightEstimateUsd = 0.005m,
        };

        Assert.Equal(
            "$0.031840 over 3 calls ($0.021000 reported, $0.010840 estimated); window $0.031840; in flight $0.005000; "
            + "by endpoint: /flux-pulid $0.021000 (1 call), /flux $0.010840 (2 calls)",
            snapshot.ToString());
    }

    [Fact]
    public void ToString_NoCalls_SaysZeroWithoutEndpoints()
    {
        var snapshot = new ModalSpendSnapshot
        {
            Total = new ModalSpendLine(0, 0m, 0m),
            ByEndpoint = new Dictionary<string, ModalSpendLine>(),
            ByFamily = new Dictionary<ModalFamily, ModalSpendLine>(),
            WindowUsd = 0m,
            InFlightEstimateUsd = 0m,
        };

        Assert.Equal("$0.000000 over 0 calls ($0.000000 reported, $0.000000 estimated); window $0.000000; in flight $0.000000", snapshot.ToString());
    }
}
