using System.Net;
using System.Text.Json;

namespace Modal.Client.WebApi.Tests;

public sealed class HealthTests(FakeModalWebApplicationFactory factory) : IClassFixture<FakeModalWebApplicationFactory>
{
    [Fact]
    public async Task GetHealth_AllAppsHealthy_Returns200WithEveryApp()
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var apps = report.RootElement.GetProperty("checks").GetProperty("modal").GetProperty("data");
        foreach (var app in ModalApp.All)
        {
            Assert.Equal("healthy", apps.GetProperty(app.Name).GetString());
        }
    }
}
