namespace OmsGenerated.Runtime.Auth;

/// <summary>Where an OpenAPI <c>apiKey</c> security scheme sends its key.</summary>
public enum ApiKeyLocation
{
    Header,
    Query,
    Cookie,
}
