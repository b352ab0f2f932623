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
}
