namespace Modal.Client.Internal;

/// <summary>A request with a <c>seed</c> field: the SDK fills a random seed in when the caller set none.</summary>
internal interface ISeededRequest<out TSelf>
{
    long? Seed { get; }

    TSelf WithSeed(long seed);
}
