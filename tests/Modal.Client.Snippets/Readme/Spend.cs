using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Controlling spend".</summary>
internal static class Spend
{
    public static async Task BudgetAsync(IServiceCollection services, IServiceProvider provider, IModalClient modal, SeedVr2Request request)
    {
        #region budget
        services.AddModalClient(o =>
        {
            o.Workspace = "ryla";
            o.Budget.MaxCostPerCallUsd = 0.05m;       // /seedvr2 ($0.113) is refused
            o.Budget.MaxSpendPerWindowUsd = 10m;      // per rolling hour
            o.Budget.Window = TimeSpan.FromHours(1);
        });

        // Later, with the built IServiceProvider and an IModalClient from it:
        try { await modal.Upscale.SeedVr2Async(request); }
        catch (ModalBudgetExceededException ex) { Console.WriteLine($"{ex.EstimateUsd} > {ex.LimitUsd}, {ex.RemainingUsd} left"); }

        ModalSpendSnapshot spend = provider.GetRequiredService<ModalCostLedger>().Snapshot();
        Console.WriteLine(spend);   // total, reported and estimated parts, the window, each endpoint
        #endregion
    }
}
