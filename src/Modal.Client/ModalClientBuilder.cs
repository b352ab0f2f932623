using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client;

/// <summary>Returned by <c>AddModalClient</c>, to chain further configuration of the SDK.</summary>
public sealed class ModalClientBuilder
{
    internal ModalClientBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the SDK was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds another configuration step for <see cref="ModalClientOptions"/>.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ModalClientBuilder Configure(Action<ModalClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
