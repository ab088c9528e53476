using System.Collections.Generic;

namespace OmsGenerated.Emulator.State;

/// <summary>
/// Everything the emulator remembers about its one project. A state store hands it to one request at a time (inside a
/// transaction for SQLite); nothing here is thread-safe on its own.
/// </summary>
internal sealed class EmulatorState
{
    /// <summary>The ID the next new task gets (OMS task IDs are decimal; the demo tasks start at 1001).</summary>
    public long NextTaskId { get; set; } = 1001;

    /// <summary>A counter that makes task group and sync task IDs unique.</summary>
    public long NextSequence { get; set; } = 1;

    public SortedDictionary<long, EmulatedTask> Tasks { get; } = new();

    public SortedDictionary<string, EmulatedTaskGroup> Groups { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, EmulatedSyncTask> SyncTasks { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The IDs of the demo tasks seeded into this state (empty when seeding was off).</summary>
    public List<long> DemoTaskIds { get; } = [];

    /// <summary>Whether UpdatePrivacyAgreementRecord has been called.</summary>
    public bool PrivacyAgreementAccepted { get; set; }

    public long TakeTaskId() => NextTaskId++;

    public long TakeSequence() => NextSequence++;
}
