namespace Modal.Client.Testing.Tests;

public sealed class FakeModalDeploymentExtensionsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UseFakeDeployment_EitherMode_SetsEveryAppUrl(bool portPerApp)
    {
        using var fake = FakeModalDeployment.Start(new() { PortPerApp = portPerApp });
        var options = new ModalClientOptions();

        var returned = options.UseFakeDeployment(fake);

        Assert.Same(options, returned);
        Assert.Equal(6, options.AppUrls.Count);
        foreach (var app in ModalApp.All)
        {
            Assert.Equal(fake.AppUrls[app.Name], options.AppUrls[app.Name]);
        }
    }

    [Fact]
    public void UseFakeDeployment_NullArguments_Throw()
    {
        using var fake = FakeModalDeployment.Start();

        Assert.Throws<ArgumentNullException>(() => FakeModalDeploymentExtensions.UseFakeDeployment(null!, fake));
        Assert.Throws<ArgumentNullException>(() => new ModalClientOptions().UseFakeDeployment(null!));
    }
}
