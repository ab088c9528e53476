using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>A mutated document and what was done to it, in words precise enough to redo by hand.</summary>
internal sealed record Mutation(string Text, string Description);

/// <summary>Text-level mutations of a JSON or YAML document, every choice drawn from the given <see cref="Random"/>.</summary>
internal static class SpecMutator
{
    private const string Syntax = "{}[]:,-'\"#&*!|>?%@` \n\t\\";

    private static readonly Regex s_yamlValue = new(@"(?m)^([ ]*(?:- )?[^\s:#&*][^:\n]*:[ ]+)([^\s&*|>#][^\n]*?)[ ]*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonValue = new(@"(:\s*)(""(?:[^""\\\n]|\\.)*""|-?\d[\d.eE+-]*|true|false|null)", RegexOptions.CultureInvariant);
    private static readonly Regex s_yamlRef = new(@"\$ref:[ ]*(['""]?)([^'""\n]*)\1", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonRef = new(@"""\$ref""\s*:\s*""([^""\n]*)""", RegexOptions.CultureInvariant);

    private static readonly string[] s_refTargets =
    {
        "#/components/schemas/Missing", "#/definitions/Missing", "#/components/schemas/", "#", "#/", "#/info", "#/paths",
        "#/paths/~1pets", "#/components/schemas/Pet/properties/name", "#/components/schemas/~2", "#/components/schemas/%7Bbad",
        "other.yaml#/Pet", "https://example.com/spec.json#/X", "../up.json", "", "#/components/schemas/Pet/allOf/9",
    };

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Func<string, bool, Random, Mutation?>[] s_mutations =
    {
        FlipChar, FlipByte, Truncate, DeleteLine, DuplicateLine, SwapScalarType, RewriteRef, InsertHostile, ReplaceValueWithHostile,
    };

    /// <summary>One or two mutations of <paramref name="text"/>.</summary>
    public static Mutation Mutate(string text, Random random)
    {
        var isJson = text.TrimStart().StartsWith('{');
        var descriptions = new List<string>();
        var count = random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            Mutation? mutation = null;
            while (mutation is null)
            {
                mutation = s_mutations[random.Next(s_mutations.Length)](text, isJson, random);
            }

            text = mutation.Text;
            descriptions.Add(mutation.Description);
        }

        return new Mutation(text, string.Join("; then ", descriptions));
    }

    private static Mutation? FlipChar(string text, bool isJson, Random random)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var offset = random.Next(text.Length);
        var old = text[offset];
        var replacement = random.Next(2) == 0 ? (char)(old ^ (1 << random.Next(7))) : Syntax[random.Next(Syntax.Length)];
        return new Mutation(text.Remove(offset, 1).Insert(offset, replacement.ToString()), $"char {offset} {Show(old)} → {Show(replacement)}");
    }

    private static Mutation? FlipByte(string text, bool isJson, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return null;
        }

        var offset = random.Next(bytes.Length);
        var bit = random.Next(8);
        bytes[offset] ^= (byte)(1 << bit);
        return new Mutation(Encoding.UTF8.GetString(bytes), $"UTF-8 byte {offset} bit {bit} flipped");
    }

    private static Mutation? Truncate(string text, bool isJson, Random random)
    {
        var offset = random.Next(text.Length + 1);
        return new Mutation(text.Substring(0, offset), $"truncated at {offset} of {text.Length}");
    }

    private static Mutation? DeleteLine(string text, bool isJson, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        var removed = lines[line];
        lines.RemoveAt(line);
        return new Mutation(string.Join("\n", lines), $"line {line + 1} deleted: {Show(removed)}");
    }

    private static Mutation? DuplicateLine(string text, bool isJson, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        lines.Insert(line, lines[line]);
        return new Mutation(string.Join("\n", lines), $"line {line + 1} duplicated: {Show(lines[line])}");
    }

    /// <summary>A scalar value becomes one of another kind: string, number, list or map.</summary>
    private static Mutation? SwapScalarType(string text, bool isJson, Random random)
    {
        var matches = (isJson ? s_jsonValue : s_yamlValue).Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var value = matches[random.Next(matches.Count)].Groups[2];
        var kinds = isJson
            ? new[] { "\"text\"", "42", "-1.5e300", "[1, \"two\"]", "{\"a\": 1}", "null", "true" }
            : new[] { "text", "42", "-1.5e300", "[1, two]", "{a: 1}", "null", "true", "''" };
        var others = kinds.Where(k => KindOf(k) != KindOf(value.Value)).ToArray();
        var replacement = others[random.Next(others.Length)];
        return new Mutation(Replace(text, value.Index, value.Length, replacement), $"value at {value.Index} {Show(value.Value)} → {replacement}");
    }

    private static Mutation? RewriteRef(string text, bool isJson, Random random)
    {
        var matches = (isJson ? s_jsonRef : s_yamlRef).Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var targets = matches.Select(m => m.Groups[isJson ? 1 : 2].Value).Distinct().ToList();
        var target = matches[random.Next(matches.Count)].Groups[isJson ? 1 : 2];
        var replacement = random.Next(4) switch
        {
            0 => targets[random.Next(targets.Count)],
            1 => "#/components/schemas/" + RandomName(random),
            _ => s_refTargets[random.Next(s_refTargets.Length)],
        };
        return new Mutation(Replace(text, target.Index, target.Length, replacement), $"$ref at {target.Index} {Show(target.Value)} → {Show(replacement)}");
    }

    /// <summary>A hostile string pasted raw at a random offset.</summary>
    private static Mutation? InsertHostile(string text, bool isJson, Random random)
    {
        var (name, value) = HostileStrings.ByName.ElementAt(random.Next(HostileStrings.ByName.Count));
        var offset = random.Next(text.Length + 1);
        return new Mutation(text.Insert(offset, value), $"hostile string {name} inserted raw at {offset}");
    }

    /// <summary>
    /// A scalar value with a hostile string put inside it (or in its place), written as a JSON string literal, which
    /// YAML reads as a double-quoted scalar with the same escapes.
    /// </summary>
    private static Mutation? ReplaceValueWithHostile(string text, bool isJson, Random random)
    {
        var matches = (isJson ? s_jsonValue : s_yamlValue).Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var value = matches[random.Next(matches.Count)].Groups[2];
        var (name, hostile) = HostileStrings.ByName.ElementAt(random.Next(HostileStrings.ByName.Count));
        var original = value.Value.Trim('"', '\'');
        var at = random.Next(original.Length + 1);
        var replacement = JsonSerializer.Serialize(random.Next(4) == 0 ? hostile : original.Insert(at, hostile));
        return new Mutation(Replace(text, value.Index, value.Length, replacement), $"value at {value.Index} {Show(value.Value)} → {replacement} (hostile string {name})");
    }

    private static string KindOf(string value) => value switch
    {
        "null" or "~" => "null",
        "true" or "false" => "boolean",
        _ when value.StartsWith('[') => "list",
        _ when value.StartsWith('{') => "map",
        _ when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => "number",
        _ => "string",
    };

    private static string Replace(string text, int index, int length, string replacement)
        => text.Substring(0, index) + replacement + text.Substring(index + length);

    private static string RandomName(Random random)
        => new(Enumerable.Range(0, random.Next(1, 8)).Select(_ => "abcXYZ_~/%{}0 "[random.Next(14)]).ToArray());

    private static string Show(char c) => Show(c.ToString());

    private static string Show(string text) => JsonSerializer.Serialize(text.Length > 60 ? text.Substring(0, 60) + "…" : text, s_readable);
}
