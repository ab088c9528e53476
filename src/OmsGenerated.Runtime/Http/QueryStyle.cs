namespace OmsGenerated.Runtime.Http;

/// <summary>How a query parameter holding several values is written (OpenAPI's <c>style</c> for query parameters).</summary>
public enum QueryStyle
{
    /// <summary><c>name=a,b</c> (explode=false), or <c>name=a&amp;name=b</c> / <c>key=value</c> per property (explode=true).</summary>
    Form,

    /// <summary><c>name[key]=value</c> for each property of an object.</summary>
    DeepObject,

    /// <summary><c>name=a%7Cb</c> (a <c>|</c>, escaped as System.Uri escapes it).</summary>
    PipeDelimited,

    /// <summary><c>name=a%20b</c>.</summary>
    SpaceDelimited,
}
