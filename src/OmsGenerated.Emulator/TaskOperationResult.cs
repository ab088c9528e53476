namespace OmsGenerated.Emulator;

/// <summary>The outcome of a state-changing task operation, mapped to an OMS answer by the request handler.</summary>
internal enum TaskOperationResult
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No such task (400 OMS.1009).</summary>
    NotFound,

    /// <summary>Start of a task that is waiting, migrating or retrying (400 OMS.0065).</summary>
    AlreadyStarted,

    /// <summary>Start of a task that is still pausing (400 OMS.0065, with a pausing message).</summary>
    StillPausing,

    /// <summary>Start of a task that has succeeded (400 OMS.0070).</summary>
    Finished,

    /// <summary>Stop of a task that is not migrating (400 OMS.0066).</summary>
    NotMigrating,

    /// <summary>Delete of a task that is migrating, retrying or pausing (400 OMS.0063).</summary>
    Migrating,
}
