namespace OmsGenerated.Cli.Configuration;

/// <summary>The values of the global options of one invocation.</summary>
internal sealed record GlobalSettings
{
    public string? Endpoint { get; init; }

    public string? Region { get; init; }

    public string? ProjectId { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? Token { get; init; }

    public bool Json { get; init; }

    /// <summary>Total timeout of one API call including retries, in seconds.</summary>
    public double? TimeoutSeconds { get; init; }

    public bool Verbose { get; init; }

    public bool Emulator { get; init; }

    public string? EmulatorFaults { get; init; }

    /// <summary>--emulator-db: where the embedded emulator keeps its state.</summary>
    public string? EmulatorDb { get; init; }

    /// <summary>Whether any option selects or configures real OMS.</summary>
    public bool HasConnectionOptions =>
        Endpoint is not null || Region is not null || ProjectId is not null || AccessKey is not null || SecretKey is not null || Token is not null;
}
