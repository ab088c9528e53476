namespace OmsGenerated.Runtime.Telemetry;

/// <summary>How one operation call ended, as the instruments tag it.</summary>
internal readonly record struct ApiCallOutcome(string OperationId, string Method, string ServerAddress, int? StatusCode, string? ErrorType, string? ErrorCode);
