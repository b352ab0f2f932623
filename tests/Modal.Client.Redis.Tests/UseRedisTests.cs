using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;
using StackExchange.Redis;

namespace Modal.Client.Redis.Tests;

/// <summary>Registration: the two overloads, the options' checks, prefixes, and the shared ledger's reset.</summary>
[Collection(RedisTests.Name)]
public sealed class UseRedisTests(RedisFixture redis)
{
    [Theory]
    [InlineData("shop prod", "ModalRedisOptions.KeyPrefix must be a non-empty name without braces or spaces")]
    [InlineData("{tag}", "ModalRedisOptions.KeyPrefix must be a non-empty name without braces or spaces")]
    [InlineData("", "ModalRedisOptions.KeyPrefix must be a non-empty name without braces or spaces")]
    public void UseRedis_BadKeyPrefix_ThrowsArgumentExceptionNamingTheOption(string prefix, string expected)
    {
        var builder = new ServiceCollection().AddModalClient(o => o.Workspace = "ryla");

        var ex = Assert.Throws<ArgumentException>(() => builder.UseRedis("127.0.0.1:6379", o => o.KeyPrefix = prefix));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("configure", ex.ParamName);
    }

    [Fact]
    public void UseRedis_LeaseTimeoutOfZero_ThrowsArgumentExceptionNamingTheOption()
    {
        var builder = new ServiceCollection().AddModalClient(o => o.Workspace = "ryla");

        var ex = Assert.Throws<ArgumentException>(() => builder.UseRedis("127.0.0.1:6379", o => o.LeaseTimeout = TimeSpan.Zero));

        Assert.StartsWith("ModalRedisOptions.LeaseTimeout must be between 1 second and 1 hour (it is 00:00:00)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,password=hunter2-SECRET,connectTimeout=soon", "The Redis configuration string could not be parsed")]
    [InlineData("password=hunter2-SECRET", "The Redis configuration string names no server")]
    public void UseRedis_BadConfiguration_ThrowsArgumentExceptionWithoutThePassword(string configuration, string expected)
    {
        var builder = new ServiceCollection().AddModalClient(o => o.Workspace = "ryla");

        var ex = Assert.Throws<ArgumentException>(() => builder.UseRedis(configuration));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("configuration", ex.ParamName);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRedis_MultiplexerFromDependencyInjection_SharesTheLedgerAndLeavesTheMultiplexerOpen()
    {
        await using var fake = FakeModalDeployment.Start();
        var prefix = RedisFixture.NewPrefix();
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        services.AddModalClient(o => o.UseFakeDeployment(fake)).UseRedis(o => o.KeyPrefix = prefix);

        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IModalClient>().Flux.SchnellAsync(RedisModal.Fox());
        }

        await using var observer = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = prefix);
        Assert.Equal(1, observer.Ledger.Snapshot().ByEndpoint["/flux"].Calls);
        Assert.True(multiplexer.IsConnected);
        await multiplexer.DisposeAsync();
    }

    [Fact]
    public async Task KeyPrefix_TwoDeploymentsOnOneRedis_DoNotShareTheirLedgers()
    {
        await using var fake = FakeModalDeployment.Start();
        var shop = RedisFixture.NewPrefix();
        var blog = RedisFixture.NewPrefix();
        await using var shopReplica = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = shop);
        await using var otherShopReplica = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = shop);
        await using var blogReplica = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = blog);

        await shopReplica.Client.Flux.SchnellAsync(RedisModal.Fox());

        Assert.Equal(1, otherShopReplica.Ledger.Snapshot().Total.Calls);
        Assert.Equal(0, blogReplica.Ledger.Snapshot().Total.Calls);
    }

    [Fact]
    public async Task Reset_OnOneReplica_ClearsTheFleetsSpend()
    {
        await using var fake = FakeModalDeployment.Start();
        var prefix = RedisFixture.NewPrefix();
        await using var first = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = prefix);
        await using var second = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = prefix);
        await first.Client.Flux.SchnellAsync(RedisModal.Fox(1));
        await second.Client.Flux.DevAsync(RedisModal.Owl(2));
        Assert.Equal(2, first.Ledger.Snapshot().Total.Calls);

        second.Ledger.Reset();

        var after = first.Ledger.Snapshot();
        Assert.Equal(0, after.Total.Calls);
        Assert.Equal(0m, after.WindowUsd);
        Assert.Empty(after.ByFamily);
    }
}
