namespace Modal.Client.Internal;

/// <summary>Redis could not be used; <see cref="Exception.Message"/> is the SDK's own short reason (never Redis's text).</summary>
internal sealed class RedisUnavailableException(string reason, Exception? inner) : Exception(reason, inner);
