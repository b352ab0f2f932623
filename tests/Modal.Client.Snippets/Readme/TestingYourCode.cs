using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Testing;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Testing your code": the fake deployment, in short.</summary>
internal static class TestingYourCode
{
    public static async Task FakeDeploymentAsync(IServiceCollection services)
    {
        #region testing-fake
        await using var fake = FakeModalDeployment.Start();
        services.AddModalClient(o => o.UseFakeDeployment(fake));
        // ... call your code, then:
        Assert.Equal(1, fake.Journal.CallCount("/z-image-danrisi"));
        var sent = fake.Journal.Calls("/z-image-danrisi")[0].BodyAsJson();
        #endregion
    }
}
