namespace OmsGenerated.Generator.Model;

/// <summary>Everything the emitter needs for one OpenAPI document. Immutable and value-equal: no NSwag or Roslyn objects.</summary>
internal sealed record ApiModel(
    string SpecFileName,
    string Namespace,
    string ClientName,
    string Accessibility,
    string? Title,
    string? Description,
    string? DefaultBaseUrl,
    EquatableArray<ObjectTypeModel> Objects,
    EquatableArray<EnumTypeModel> Enums,
    EquatableArray<ErrorTypeModel> Errors,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ErrorCodeModel> ErrorCodes,
    string? InterfaceName = null,
    string? CredentialsName = null,
    EquatableArray<SecuritySchemeModel> SecuritySchemes = default)
{
    /// <summary><c>oneOf</c>/<c>anyOf</c> without a usable discriminator: one class per union, filled by shape.</summary>
    public EquatableArray<UnionTypeModel> Unions { get; init; }
}

internal enum SecuritySchemeKind
{
    ApiKey,
    Bearer,
    Basic,
}

internal enum ApiKeyPlacement
{
    Header,
    Query,
    Cookie,
}

/// <summary>
/// A security scheme the client can apply: <c>PropertyName</c> is its property on the credentials class;
/// OAuth2 and OpenID Connect are <see cref="SecuritySchemeKind.Bearer"/> (the token comes from the application).
/// </summary>
internal sealed record SecuritySchemeModel(string Key, string PropertyName, SecuritySchemeKind Kind, string? ParameterName, ApiKeyPlacement Placement, string DeclaredType, string? Description);

/// <summary>One alternative of an operation's <c>security</c>: every listed scheme (by property name) is applied.</summary>
internal sealed record SecurityRequirementModel(EquatableArray<string> Schemes);

/// <summary>
/// A value that is one of several alternatives, told apart by shape when read: the JSON token kind, and for objects
/// the property names present. <see cref="RawJsonName"/> holds a value that matches none, written back unchanged.
/// </summary>
internal sealed record UnionTypeModel(string Name, string? Description, EquatableArray<UnionAlternative> Alternatives, string RawJsonName);

/// <summary>
/// One alternative of a union: the accessor <see cref="Name"/> of type <see cref="Type"/>; an object alternative
/// matches an object that has all of <see cref="RequiredNames"/> and, when none are required, one of <see cref="DeclaredNames"/>.
/// </summary>
internal sealed record UnionAlternative(string Name, TypeRef Type, EquatableArray<string> RequiredNames, EquatableArray<string> DeclaredNames);

/// <summary>
/// One model class. <see cref="Properties"/> are the class's own: a type with a <see cref="BaseName"/> (an <c>allOf</c> of
/// one reference plus its own properties, or an alternative of a discriminated <c>oneOf</c>) inherits the rest.
/// <see cref="IsBase"/>: other models derive from it, so it is not sealed. <see cref="Discriminator"/>: reading
/// dispatches on a property to the derived type it names.
/// </summary>
internal sealed record ObjectTypeModel(string Name, string? Description, EquatableArray<PropertyModel> Properties)
{
    public string? BaseName { get; init; }

    public bool IsBase { get; init; }

    public DiscriminatorModel? Discriminator { get; init; }

    /// <summary>A model that takes part in inheritance: its members are virtual and chain to the base.</summary>
    public bool InHierarchy => BaseName is not null || IsBase;
}

/// <summary>
/// Dispatch on the value of <see cref="PropertyName"/>: each case names the type read for a value; any other value
/// (or none) reads <see cref="UnknownName"/>, which keeps the JSON as received (in its member <see cref="RawJsonName"/>,
/// the value received in <see cref="ValueName"/>), unless <see cref="ReadsSelfWhenAbsent"/> and there is no value.
/// </summary>
internal sealed record DiscriminatorModel(
    string PropertyName,
    EquatableArray<DiscriminatorCase> Cases,
    string UnknownName,
    bool ReadsSelfWhenAbsent,
    string RawJsonName,
    string ValueName);

internal sealed record DiscriminatorCase(string Value, string TypeName);

/// <summary>
/// One member of an object. <c>IsReadOnly</c> members are read from responses and never written into requests;
/// <c>DefaultValue</c> is the schema's <c>default</c> as invariant text already checked against the member's type
/// (string, number, boolean or enum), set on a deserialized instance when the member is absent (never on one the
/// caller creates, so it is never sent unasked).
/// </summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    bool IsSensitive,
    bool IsDeprecated,
    string? Description,
    Constraints Constraints,
    bool IsReadOnly = false,
    string? DefaultValue = null);

/// <summary>Declared limits checked before a request is sent.</summary>
internal sealed record Constraints(
    int? MinLength = null,
    int? MaxLength = null,
    string? Minimum = null,
    string? Maximum = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false,
    int? MinItems = null,
    int? MaxItems = null)
{
    public static readonly Constraints None = new();

    public bool IsEmpty => this == None;
}

internal sealed record EnumTypeModel(string Name, string? Description, bool IsInteger, EquatableArray<EnumMemberModel> Members);

internal sealed record EnumMemberModel(string Name, string Value, string? Description);

/// <summary>An exception type generated for a schema used as an error response.</summary>
internal sealed record ErrorTypeModel(
    string Name,
    string ModelName,
    string? ErrorCodeProperty,
    string? ErrorMessageProperty,
    string? ErrorDetailProperty,
    string? RequestIdProperty);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a query, header or cookie value is serialised (OpenAPI <c>style</c>; Swagger 2's <c>collectionFormat</c> maps onto it).</summary>
internal enum ParameterStyle
{
    Form,
    Simple,
    DeepObject,
    PipeDelimited,
    SpaceDelimited,
}

/// <summary>A property of an object-typed query parameter, sent as its own key (form, explode) or as <c>name[key]</c> (deepObject).</summary>
internal sealed record ParameterField(string WireName, string PropertyName, TypeRef Type, bool IsNullable);

internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    bool Explode,
    bool IsSensitive,
    string? Description,
    Constraints Constraints,
    ParameterStyle Style = ParameterStyle.Form,
    EquatableArray<ParameterField> Fields = default);

/// <summary>
/// How a body goes on the wire. Requests: <c>Binary</c> is the caller's stream; <c>Form</c> and <c>Multipart</c> are
/// sent field by field (<see cref="BodyModel.Fields"/>). Responses: <c>Binary</c> is a stream the caller disposes.
/// </summary>
internal enum BodyKind
{
    Json,
    Text,
    Binary,
    Form,
    Multipart,
}

/// <summary>
/// A request body. <c>ContentType</c> is the one chosen and sent; <c>OtherContentTypes</c> lists the others the document
/// allows (shown in the XML docs). Form and multipart bodies are sent from <c>Fields</c>, one method parameter each.
/// </summary>
internal sealed record BodyModel(
    string Name,
    TypeRef Type,
    BodyKind Kind,
    string ContentType,
    bool IsRequired,
    string? Description,
    EquatableArray<FormFieldModel> Fields = default,
    string? OtherContentTypes = null);

internal enum FormFieldKind
{
    /// <summary>A scalar, or an array of scalars sent as repeated fields.</summary>
    Value,

    /// <summary>An object, map or nested array, sent as a JSON document.</summary>
    Json,
    File,
    FileArray,
}

/// <summary>One field of a form or multipart body; <c>ContentType</c> is the document's encoding for it, if any.</summary>
internal sealed record FormFieldModel(string WireName, string Name, TypeRef Type, FormFieldKind Kind, bool IsRequired, string? ContentType, string? Description);

internal sealed record ResponseModel(TypeRef? Type, BodyKind Kind, string? Description, string? ContentType = null, string? OtherContentTypes = null);

/// <summary>Maps a status code ("400", "4XX", "default") to a generated exception type.</summary>
internal sealed record ErrorMappingModel(string StatusCode, string ExceptionName);

/// <summary>
/// One operation. <c>OperationId</c> is the document's operationId, or "METHOD /path" when it has none (telemetry's
/// activity name); <c>IsIdempotent</c> comes from the HTTP method unless <c>x-idempotent</c> says otherwise (retry policies read it).
/// </summary>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<PathPart> PathParts,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel? Response,
    EquatableArray<ErrorMappingModel> ErrorMappings,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    string OperationId,
    bool IsIdempotent,
    EquatableArray<SecurityRequirementModel> Security = default,
    RawResponseModel? RawResponse = null,
    OperationHelpers? Helpers = null);

/// <summary>
/// Names of an operation's private helpers, unique in the client also under case folding. Operations whose error
/// mappings are the same share one mapper and one Kiota error table; <c>EmitsErrorMaps</c> marks the one that declares them.
/// </summary>
internal sealed record OperationHelpers(string ErrorMapper, string KiotaErrors, bool EmitsErrorMaps, string AdapterMethod, string OperationField);

internal enum ResponseHeaderKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    Uri,
}

/// <summary>A header the success response declares, as a typed property of the operation's raw-response class.</summary>
internal sealed record ResponseHeaderModel(string WireName, string PropertyName, ResponseHeaderKind Kind, string? Description);

/// <summary>
/// The raw-response method of an operation: <c>WithResponseMethod</c> returns the status, headers and body, as class
/// <c>TypeName</c> with typed properties when the success response declares headers (<c>Headers</c>), else as the
/// runtime's ApiResponse.
/// </summary>
internal sealed record RawResponseModel(string WithResponseMethod, string? TypeName, EquatableArray<ResponseHeaderModel> Headers);

/// <summary>A piece of the path: a literal, or the parameter at <see cref="ParameterIndex"/>.</summary>
internal sealed record PathPart(string? Literal, int ParameterIndex);

internal sealed record ErrorCodeModel(string Code, int HttpStatus, string Message, string? Action);
