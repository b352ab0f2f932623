using Modal.Client.Cli.Output;

namespace Modal.Client.Cli.Tests.Output;

public sealed class CallProgressLinesTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly CallProgressLines _lines;

    public CallProgressLinesTests() => _lines = new CallProgressLines(_output);

    public void Dispose() => _output.Dispose();

    private string[] Printed => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Report_QuickCall_PrintsNothing()
    {
        Report(ModalCallStage.Sending, 0);
        Report(ModalCallStage.Waiting, 1);
        Report(ModalCallStage.Downloading, 1.5);
        Report(ModalCallStage.Completed, 1.6);

        Assert.Empty(Printed);
    }

    [Fact]
    public void Report_LongCall_PrintsOneLinePerStageChangeNotPerHeartbeat()
    {
        Report(ModalCallStage.Sending, 0);
        Report(ModalCallStage.Waiting, 1);
        Report(ModalCallStage.Waiting, 2);
        Report(ModalCallStage.Waiting, 3);
        Report(ModalCallStage.Waiting, 4);
        Report(ModalCallStage.Downloading, 29);
        Report(ModalCallStage.Completed, 30);

        Assert.Equal(
            ["  [00:02] /flux waiting for the app, 00:02 of ~00:29", "  [00:29] /flux downloading the result", "  [00:30] /flux completed"],
            Printed);
    }

    [Fact]
    public void Report_Redirect_PrintsAtOnceWithPollsAndIgnoresHeartbeatsAfterCompletion()
    {
        Report(ModalCallStage.Sending, 0);
        Report(ModalCallStage.Redirected, 1, polls: 1);
        Report(ModalCallStage.Redirected, 1.2, polls: 2);
        Report(ModalCallStage.Completed, 1.5, polls: 2);
        Report(ModalCallStage.Waiting, 1.6, polls: 2);

        Assert.Equal(
            [
                "  [00:01] /flux long call: Modal answered 303, polling the result URL (1 poll), 00:01 of ~00:29",
                "  [00:01] /flux long call: Modal answered 303, polling the result URL (2 polls), 00:01 of ~00:29",
                "  [00:01] /flux completed",
            ],
            Printed);
    }

    private void Report(ModalCallStage stage, double seconds, int polls = 0) =>
        _lines.Report(new ModalCallProgress
        {
            Stage = stage,
            Endpoint = ModalEndpoint.FluxSchnell,
            Elapsed = TimeSpan.FromSeconds(seconds),
            TypicalDuration = TimeSpan.FromSeconds(29),
            Polls = polls,
        });
}
