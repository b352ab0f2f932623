using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Modal.Client.Internal;
using Polly;
using Polly.CircuitBreaker;
using Polly.Testing;
using Polly.Timeout;

namespace Modal.Client.Tests;

/// <summary>What the resilience pipelines are made of (Polly.Testing): POSTs retry and break per app; polls retry and time out, never break.</summary>
public sealed class PipelineCompositionTests
{
    [Fact]
    public void PostPipeline_IsRetryThenCircuitBreaker_WithTheConfiguredFigures()
    {
        var options = new ModalClientOptions();
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(250);
        options.CircuitBreaker.MinimumThroughput = 4;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PostResiliencePolicy.Configure(builder, options, NullLogger.Instance);

        var descriptor = builder.Build().GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            s =>
            {
                var retry = Assert.IsType<HttpRetryStrategyOptions>(s.Options);
                Assert.Equal(2, retry.MaxRetryAttempts);
                Assert.Equal(TimeSpan.FromMilliseconds(250), retry.Delay);
                Assert.Equal(TimeSpan.FromSeconds(30), retry.MaxDelay);
                Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
                Assert.True(retry.ShouldRetryAfterHeader);
            },
            s => Assert.Equal(4, Assert.IsType<HttpCircuitBreakerStrategyOptions>(s.Options).MinimumThroughput));
    }

    [Fact]
    public void PostPipeline_WithBreakerDisabledAndNoRetries_IsEmpty()
    {
        var options = new ModalClientOptions();
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.Enabled = false;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PostResiliencePolicy.Configure(builder, options, NullLogger.Instance);

        Assert.Empty(builder.Build().GetPipelineDescriptor().Strategies);
    }

    [Fact]
    public void PollPipeline_IsRetryThenPerAttemptTimeout_AndHasNoCircuitBreaker()
    {
        var options = new ModalClientOptions { ResultPollTimeout = TimeSpan.FromMinutes(2) };
        options.Retry.MaxPollRetries = 7;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PollResiliencePolicy.Configure(builder, options, NullLogger.Instance);

        var descriptor = builder.Build().GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            s =>
            {
                var retry = Assert.IsType<HttpRetryStrategyOptions>(s.Options);
                Assert.Equal(7, retry.MaxRetryAttempts);
                Assert.Equal(options.Retry.BaseDelay, retry.Delay);
                Assert.Equal(TimeSpan.FromSeconds(30), retry.MaxDelay);
                Assert.True(retry.ShouldRetryAfterHeader);
            },
            s => Assert.Equal(TimeSpan.FromMinutes(2), Assert.IsAssignableFrom<TimeoutStrategyOptions>(s.Options).Timeout));
        Assert.DoesNotContain(descriptor.Strategies, s => s.Options is CircuitBreakerStrategyOptions<HttpResponseMessage>);
    }

    [Fact]
    public void PollPipeline_WithNoPollRetries_IsOnlyThePerAttemptTimeout()
    {
        var options = new ModalClientOptions();
        options.Retry.MaxPollRetries = 0;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();

        PollResiliencePolicy.Configure(builder, options, NullLogger.Instance);

        var strategy = Assert.Single(builder.Build().GetPipelineDescriptor().Strategies);
        Assert.Equal(options.ResultPollTimeout, Assert.IsAssignableFrom<TimeoutStrategyOptions>(strategy.Options).Timeout);
    }

    /// <summary>The extremes <see cref="ModalClientOptionsValidator"/> accepts, each a ModalClientOptions change.</summary>
    public static TheoryData<string> AcceptedExtremes() => [.. Extremes.Keys];

    private static readonly Dictionary<string, Action<ModalClientOptions>> Extremes = new()
    {
        ["lowest"] = o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.MaxPollRetries = 1;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.CircuitBreaker.FailureRatio = 0.01;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(0.5);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(0.5);
            o.ResultPollTimeout = TimeSpan.FromMilliseconds(10);
        },
        ["highest"] = o =>
        {
            o.Retry.MaxRetryAttempts = 10;
            o.Retry.MaxPollRetries = 20;
            o.Retry.BaseDelay = TimeSpan.FromMinutes(1);
            o.CircuitBreaker.FailureRatio = 1;
            o.CircuitBreaker.MinimumThroughput = 10_000;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromDays(1);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromDays(1);
            o.ResultPollTimeout = TimeSpan.FromDays(1);
        },
        ["no retries"] = o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.Retry.MaxPollRetries = 0;
        },
    };

    /// <summary>
    /// The SDK's builders skip Polly's DataAnnotations check (<see cref="PollyValidation"/>), so whatever the options
    /// validator accepts must pass Polly's check too: here both policies are built with Polly's check on.
    /// </summary>
    [Theory]
    [MemberData(nameof(AcceptedExtremes))]
    public void Policies_FromEveryExtremeTheOptionsValidatorAccepts_PassPollysOwnCheck(string name)
    {
        var options = new ModalClientOptions { Workspace = "ryla" };
        Extremes[name](options);
        Assert.True(new ModalClientOptionsValidator().Validate(null, options).Succeeded, name);

        var post = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PostResiliencePolicy.Configure(post, options, NullLogger.Instance);
        var poll = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PollResiliencePolicy.Configure(poll, options, NullLogger.Instance);

        Assert.NotNull(post.Build());
        Assert.NotNull(poll.Build());
    }

    [Fact]
    public void PollyValidation_IsSkipped_WithThisPollyVersion()
    {
        var checkedBuilder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        var skipping = new ResiliencePipelineBuilder<HttpResponseMessage>();

        // If this fails, Polly renamed its validator: the SDK still works, with Polly's slower reflection-based check.
        Assert.True(PollyValidation.TrySkipDataAnnotations(skipping));

        // A break of two days is outside Polly's range: its check refuses it, the skipping builder takes it.
        var outOfRange = new CircuitBreakerStrategyOptions<HttpResponseMessage> { BreakDuration = TimeSpan.FromDays(2) };
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => checkedBuilder.AddCircuitBreaker(outOfRange));
        Assert.Same(skipping, skipping.AddCircuitBreaker(outOfRange));
    }
}
