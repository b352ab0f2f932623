using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Modal.Client.Testing;

namespace Modal.Client.WebApi.Tests;

/// <summary>
/// Hosts the sample in memory with its <c>Modal</c> configuration pointed at a fake Modal deployment the test controls:
/// every app URL (<c>Modal:AppUrls:ryla-flux</c>, …) is the fake's, so the sample's own embedded fake is not started.
/// </summary>
public sealed class FakeModalWebApplicationFactory : WebApplicationFactory<Program>
{
    public FakeModalDeployment Fake { get; } = FakeModalDeployment.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(
            Fake.AppUrls.Select(app => new KeyValuePair<string, string?>($"Modal:AppUrls:{app.Key}", app.Value.ToString()))));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Fake.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
