namespace Modal.Client.ReliabilityTests.Support;

/// <summary>Remembers, synchronously, the last stage a call reported (heartbeats ignored): where a cancellation hit it.</summary>
internal sealed class LastStage : IProgress<ModalCallProgress>
{
    private int _stage = -1;

    public ModalCallStage? Stage => Volatile.Read(ref _stage) is var s and >= 0 ? (ModalCallStage)s : null;

    public void Report(ModalCallProgress value)
    {
        if (value.Stage != ModalCallStage.Waiting)
        {
            Volatile.Write(ref _stage, (int)value.Stage);
        }
    }
}
