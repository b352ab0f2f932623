namespace Modal.Client.Testing;

/// <summary>Points Modal.Client at a <see cref="FakeModalDeployment"/>.</summary>
public static class FakeModalDeploymentExtensions
{
    /// <summary>
    /// Sets <see cref="ModalClientOptions.AppUrls"/> for every app to the fake's URL for it (both modes).
    /// </summary>
    /// <param name="options">The client options to change.</param>
    /// <param name="fake">The running fake.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="fake"/> is null.</exception>
    public static ModalClientOptions UseFakeDeployment(this ModalClientOptions options, FakeModalDeployment fake)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fake);
        foreach (var (app, url) in fake.AppUrls)
        {
            options.AppUrls[app] = url;
        }

        return options;
    }
}
