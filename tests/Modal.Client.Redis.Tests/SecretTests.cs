using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Redis.Tests;

/// <summary>The password of the Redis configuration string never reaches a message, a log or a trace.</summary>
[Collection(RedisTests.Name)]
public sealed class SecretTests
{
    private const string Password = "pw-SECRET-7f3a";

    [Fact]
    public async Task RedisWithPassword_StoppedMidRun_PasswordIsInNoMessageLogOrTrace()
    {
        await using var server = await RedisServer.StartAsync(Password);
        await using var fake = FakeModalDeployment.Start();
        var logs = new FakeLogCollector();
        using var activities = new ActivityCapture();
        await using var modal = new RedisModal(fake, server.Configuration, o => o.Budget.MaxSpendPerWindowUsd = 1m, logs: logs);

        await modal.Client.Flux.SchnellAsync(RedisModal.Fox(1));
        Assert.True(modal.Ledger.Snapshot().IsShared);
        server.Stop();
        var refused = await Assert.ThrowsAsync<ModalSharedLimitsUnavailableException>(() => modal.Client.Flux.SchnellAsync(RedisModal.Fox(2)));
        var unreadable = Assert.Throws<ModalSharedLimitsUnavailableException>(() => modal.Ledger.Snapshot());

        Assert.Contains($"Redis at 127.0.0.1:{server.Port}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, fake.Journal.CallCount("/flux"));
        AssertNoPassword(Password, [refused.ToString(), unreadable.ToString()], logs, activities);
    }

    [Fact]
    public async Task WrongPassword_CallIsRefusedAsUnreachable_WrongPasswordIsInNoMessageLogOrTrace()
    {
        const string wrong = "wrong-SECRET-9d1c";
        await using var server = await RedisServer.StartAsync(Password);
        await using var fake = FakeModalDeployment.Start();
        var logs = new FakeLogCollector();
        using var activities = new ActivityCapture();
        await using var modal = new RedisModal(fake, $"127.0.0.1:{server.Port},password={wrong}", logs: logs);

        var refused = await Assert.ThrowsAsync<ModalSharedLimitsUnavailableException>(() => modal.Client.Flux.SchnellAsync(RedisModal.Fox()));

        Assert.Equal("concurrency", refused.Limit);
        Assert.Contains("could not be reached (", refused.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Journal.All);
        AssertNoPassword(wrong, [refused.ToString()], logs, activities);
    }

    private static void AssertNoPassword(string password, IEnumerable<string> texts, FakeLogCollector logs, ActivityCapture activities)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        }

        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Assert.DoesNotContain(password, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(password, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
            foreach (var (_, value) in record.StructuredState ?? [])
            {
                Assert.DoesNotContain(password, value ?? string.Empty, StringComparison.Ordinal);
            }
        }

        var stopped = activities.Stopped;
        Assert.NotEmpty(stopped);
        foreach (var activity in stopped)
        {
            Assert.DoesNotContain(password, activity.StatusDescription ?? string.Empty, StringComparison.Ordinal);
            foreach (var (_, value) in activity.TagObjects)
            {
                Assert.DoesNotContain(password, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);
            }

            foreach (var activityEvent in activity.Events)
            {
                foreach (var (_, value) in activityEvent.Tags)
                {
                    Assert.DoesNotContain(password, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);
                }
            }
        }
    }
}
