using System;

namespace OmsGenerated.Emulator.State;

/// <summary>
/// Where the emulator's <see cref="EmulatorState"/> lives. <see cref="Transact{T}"/> gives one caller at a time the
/// whole state: in memory under a lock, or loaded from and saved to SQLite inside one write transaction, so two
/// processes sharing a file take turns instead of overwriting each other.
/// </summary>
internal interface IEmulatorStateStore : IDisposable
{
    /// <summary>Where the state is kept: a file path, or "(in memory)".</summary>
    string Location { get; }

    /// <summary>Runs <paramref name="action"/> on the state and keeps its changes (SQLite rolls back when it throws; in memory, what it changed stays).</summary>
    T Transact<T>(Func<EmulatorState, T> action);

    /// <summary>Throws the state away and seeds it again.</summary>
    void Reset();
}

/// <summary>What <c>oms emulator status</c> shows.</summary>
/// <param name="Location">The database file, or "(in memory)".</param>
/// <param name="SchemaVersion">The version of the database layout.</param>
/// <param name="Tasks">Migration tasks.</param>
/// <param name="TaskGroups">Task groups.</param>
/// <param name="SyncTasks">Sync tasks.</param>
public sealed record EmulatorStateInfo(string Location, int SchemaVersion, int Tasks, int TaskGroups, int SyncTasks);
