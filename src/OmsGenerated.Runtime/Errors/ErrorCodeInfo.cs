namespace OmsGenerated.Runtime.Errors;

/// <summary>An entry of an API's documented error-code catalog.</summary>
public sealed record ErrorCodeInfo(string Code, int HttpStatus, string Message, string? Action);
