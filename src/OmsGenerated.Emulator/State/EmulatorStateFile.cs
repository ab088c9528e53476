using System;
using System.Linq;

namespace OmsGenerated.Emulator.State;

/// <summary>
/// The emulator's state without a running emulator, for <c>oms emulator reset</c> and <c>oms emulator status</c>: opens
/// the store <see cref="OmsEmulatorOptions.StatePath"/> names (creating and seeding it when missing).
/// </summary>
public static class EmulatorStateFile
{
    /// <summary>Throws the state away and seeds it again (demo tasks 1001-1005 when <see cref="OmsEmulatorOptions.SeedDemoTasks"/>).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EmulatorStateInfo Reset(OmsEmulatorOptions options)
    {
        using IEmulatorStateStore store = Open(Checked(options));
        store.Reset();
        return Describe(store);
    }

    /// <summary>Where the state lives and what it holds.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EmulatorStateInfo Describe(OmsEmulatorOptions options)
    {
        using IEmulatorStateStore store = Open(Checked(options));
        return Describe(store);
    }

    internal static IEmulatorStateStore Open(OmsEmulatorOptions settings)
    {
        void Seed(EmulatorState state)
        {
            if (!settings.SeedDemoTasks)
            {
                return;
            }

            DateTimeOffset now = settings.TimeProvider.GetUtcNow();
            foreach ((EmulatedTaskSeed seed, TaskProfile profile) in DemoTasks.All)
            {
                state.DemoTaskIds.Add(TaskStore.Add(state, seed, profile, now, settings.SpeedFactor).Id);
            }
        }

        return settings.StatePath is { } path
            ? new SqliteStateStore(path, Seed, settings.SpeedFactor)
            : new InMemoryStateStore(Seed);
    }

    private static EmulatorStateInfo Describe(IEmulatorStateStore store)
        => store.Transact(state => new EmulatorStateInfo(store.Location, SqliteStateStore.SchemaVersion, state.Tasks.Count, state.Groups.Count, state.SyncTasks.Count));

    private static OmsEmulatorOptions Checked(OmsEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OmsEmulatorOptions settings = options.Clone();
        settings.Validate();
        return settings;
    }
}
