using System;

namespace OmsGenerated.Emulator.State;

/// <summary>State that lives as long as the emulator (tests, and the standalone emulator's --in-memory).</summary>
internal sealed class InMemoryStateStore : IEmulatorStateStore
{
    private readonly object _gate = new();
    private readonly Action<EmulatorState> _seed;
    private EmulatorState _state;

    public InMemoryStateStore(Action<EmulatorState> seed)
    {
        _seed = seed;
        _state = Seeded();
    }

    public string Location => "(in memory)";

    public T Transact<T>(Func<EmulatorState, T> action)
    {
        lock (_gate)
        {
            return action(_state);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _state = Seeded();
        }
    }

    public void Dispose()
    {
    }

    private EmulatorState Seeded()
    {
        var state = new EmulatorState();
        _seed(state);
        return state;
    }
}
