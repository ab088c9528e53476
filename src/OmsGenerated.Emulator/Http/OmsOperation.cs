namespace OmsGenerated.Emulator.Http;

/// <summary>Endpoint metadata marking an emulated OMS operation; a request routed to anything else is 404 APIGW.0101.</summary>
/// <param name="Name">The operation's name in the spec, e.g. ShowTask.</param>
internal sealed record OmsOperation(string Name);
