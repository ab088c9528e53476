using System;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// NSwag's default resolver fetches http(s) and file references. A generator must not touch the
/// network or the disk, so every external reference is refused and reported instead.
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
