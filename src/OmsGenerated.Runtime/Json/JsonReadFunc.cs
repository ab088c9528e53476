using System.Text.Json;

namespace OmsGenerated.Runtime.Json;

/// <summary>Reads a value at the reader's current token, leaving the reader on the value's last token.</summary>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);
