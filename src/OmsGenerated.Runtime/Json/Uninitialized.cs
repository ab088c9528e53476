namespace OmsGenerated.Runtime.Json;

/// <summary>Selects a generated model's constructor that leaves required members to a deserializer.</summary>
public readonly struct Uninitialized
{
}
