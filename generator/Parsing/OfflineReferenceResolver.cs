using System;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// NJsonSchema's resolver fetches <c>file:</c> and <c>http(s):</c> references. A generator must never touch the disk
/// or the network, so every external reference is refused. (<see cref="Syntax.ReferenceCheck"/> reports them with
/// their location before NSwag runs; this is the guarantee behind it.)
/// </summary>
internal sealed class OfflineReferenceResolver : JsonReferenceResolver
{
    public OfflineReferenceResolver(JsonSchemaAppender schemaAppender)
        : base(schemaAppender)
    {
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
        => throw new ExternalReferenceException(filePath);

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default)
        => throw new ExternalReferenceException(url);
}

internal sealed class ExternalReferenceException : Exception
{
    public ExternalReferenceException(string reference)
        : base("External reference refused: " + reference)
    {
        Reference = reference;
    }

    public string Reference { get; }
}
