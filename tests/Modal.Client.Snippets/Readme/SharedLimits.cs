using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Snippets.Readme;

/// <summary>README "Several processes: shared limits on Redis".</summary>
internal static class SharedLimits
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        #region redis
        services.AddModalClient(configuration.GetSection("Modal"))
            .UseRedis(configuration.GetConnectionString("redis")!, o => o.KeyPrefix = "shop-prod");
        // or, with an IConnectionMultiplexer the app already registers:  .UseRedis(o => o.KeyPrefix = "shop-prod")
        #endregion
    }
}
