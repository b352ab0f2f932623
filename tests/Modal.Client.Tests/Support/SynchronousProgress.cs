namespace Modal.Client.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts to a context).</summary>
internal sealed class SynchronousProgress(Action<ModalCallProgress> onReport) : IProgress<ModalCallProgress>
{
    public void Report(ModalCallProgress value) => onReport(value);
}
