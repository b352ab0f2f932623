namespace Modal.Client.Redis.Tests.Support;

/// <summary>
/// Every Redis test runs in this one collection, one test at a time: the fleets of processes would otherwise fight for
/// the machine's two cores. The collection's <see cref="RedisFixture"/> is a redis-server the tests share (each with its
/// own key prefix); the tests that stop Redis or need a password start their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
