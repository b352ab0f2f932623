using StackExchange.Redis;

namespace Modal.Client.Internal;

/// <summary>Recognises the failures of Redis and names them in the SDK's own words (Redis's text is never quoted).</summary>
internal static class RedisFailures
{
    public static bool IsRedisFailure(Exception exception)
        => exception is RedisException or RedisTimeoutException or RedisCommandException or RedisUnavailableException;

    public static string Reason(Exception? exception) => exception switch
    {
        null => "not connected",
        RedisUnavailableException unavailable => unavailable.Message,
        RedisConnectionException connection => RedisConnection.Describe(connection.FailureType),
        RedisTimeoutException => "timed out",
        RedisServerException => "the server refused the command",
        _ => exception.GetType().Name,
    };

    /// <summary>The Redis exception to keep as the cause (not the SDK's own wrapper).</summary>
    public static Exception? Cause(Exception exception)
        => exception is RedisUnavailableException unavailable ? unavailable.InnerException : exception;
}
