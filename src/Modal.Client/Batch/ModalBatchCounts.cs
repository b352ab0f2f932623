namespace Modal.Client;

/// <summary>How many batch items are in each state (of the items read so far).</summary>
public sealed record ModalBatchCounts
{
    /// <summary>Items that succeeded in this run.</summary>
    public int Ok { get; init; }

    /// <summary>Items skipped because an earlier run into the same folder finished them.</summary>
    public int Skipped { get; init; }

    /// <summary>Items sent that failed.</summary>
    public int Failed { get; init; }

    /// <summary>Items refused before sending (invalid, or over budget).</summary>
    public int Refused { get; init; }

    /// <summary>Items sent or waiting for their app's concurrency slot.</summary>
    public int InFlight { get; init; }

    /// <summary>Items read but not started yet.</summary>
    public int Waiting { get; init; }

    /// <summary>Items that ended: <see cref="Ok"/> + <see cref="Skipped"/> + <see cref="Failed"/> + <see cref="Refused"/>.</summary>
    public int Finished => Ok + Skipped + Failed + Refused;

    /// <summary>Every item read so far.</summary>
    public int Total => Finished + InFlight + Waiting;
}
