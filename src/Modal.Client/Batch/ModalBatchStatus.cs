namespace Modal.Client;

/// <summary>How one batch item ended (the manifest's <c>status</c>).</summary>
public enum ModalBatchStatus
{
    /// <summary>The call succeeded (<c>ok</c>), in this run or, for <see cref="ModalBatchResult.FromEarlierRun"/>, an earlier one.</summary>
    Ok,

    /// <summary>The call was sent and failed (<c>failed</c>); <see cref="ModalBatchResult.GpuWorkMayHaveRun"/> says whether it may be billed.</summary>
    Failed,

    /// <summary>
    /// The item was refused before anything was sent (<c>refused</c>): an invalid request (<see cref="ArgumentException"/>)
    /// or a budget limit (<see cref="ModalBudgetExceededException"/>). Nothing was billed.
    /// </summary>
    Refused,
}
