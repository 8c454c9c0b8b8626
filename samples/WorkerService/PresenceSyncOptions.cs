namespace Ccs.Samples.WorkerService;

/// <summary>Settings of <see cref="PresenceSyncWorker"/>.</summary>
public sealed class PresenceSyncOptions
{
    /// <summary>The presence state the agent returns to when a call of theirs completes.</summary>
    public string StateAfterCall { get; set; } = "Available";
}
