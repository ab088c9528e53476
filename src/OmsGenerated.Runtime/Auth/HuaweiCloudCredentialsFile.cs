using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Reads the credentials file of the Huawei Cloud SDKs (their <c>ProfileCredentialProvider</c>):
/// <c>~/.huaweicloud/credentials</c>, or the path in <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>.
/// </summary>
/// <remarks>
/// <para>The file is INI: <c>[section]</c> lines, <c>key = value</c> lines, blank lines and full-line comments
/// starting with <c>#</c> or <c>;</c>. Project-level services such as OMS read the <c>[basic]</c> section (the
/// <c>[global]</c> one is for global services) with the keys <c>ak</c>, <c>sk</c> (both required),
/// <c>security_token</c> and <c>project_id</c>; others (<c>domain_id</c>, <c>iam_endpoint</c>, …) are accepted and
/// ignored. Section and key names are case-insensitive.</para>
/// <para>Errors name the file and the line, never a value from the file.</para>
/// </remarks>
public static class HuaweiCloudCredentialsFile
{
    /// <summary>Environment variable holding the path of the credentials file.</summary>
    public const string PathVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

    /// <summary>The section read for project-level services such as OMS.</summary>
    public const string BasicSection = "basic";

    /// <summary>
    /// The file to read: <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c> when set, else <c>.huaweicloud/credentials</c> in the
    /// home directory (<c>HOME</c>, else <c>USERPROFILE</c>); <see langword="null"/> when neither is known.
    /// </summary>
    /// <param name="getVariable">Variable lookup; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static string? DefaultPath(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? configured = getVariable(PathVariable)?.Trim();
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        string? home = getVariable("HOME")?.Trim();
        if (string.IsNullOrEmpty(home))
        {
            home = getVariable("USERPROFILE")?.Trim();
        }

        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".huaweicloud", "credentials");
    }

    /// <summary>Reads the credentials of a section of the file at <paramref name="path"/>.</summary>
    /// <param name="path">The credentials file.</param>
    /// <param name="section">The section; defaults to <see cref="BasicSection"/>.</param>
    /// <returns>The credentials, or <see langword="null"/> when the file has no such section.</returns>
    /// <exception cref="HuaweiCloudCredentialsFileException">The file cannot be read, is malformed, or the section lacks <c>ak</c> or <c>sk</c>.</exception>
    public static HuaweiCloudCredentials? Load(string path, string section = BasicSection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new HuaweiCloudCredentialsFileException("The Huawei Cloud credentials file '" + path + "' cannot be read (" + e.GetType().Name + ").", path, innerException: e);
        }

        return Parse(text, path, section);
    }

    /// <summary>Parses the text of a credentials file.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="path">The file's path, for error messages.</param>
    /// <param name="section">The section; defaults to <see cref="BasicSection"/>.</param>
    /// <returns>The credentials, or <see langword="null"/> when there is no such section.</returns>
    /// <exception cref="HuaweiCloudCredentialsFileException">The text is malformed, or the section lacks <c>ak</c> or <c>sk</c> or holds an unusable value.</exception>
    public static HuaweiCloudCredentials? Parse(string text, string path, string section = BasicSection)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);

        Dictionary<string, (string Value, int Line)>? wanted = null;
        var sectionLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, (string Value, int Line)>? currentKeys = null;
        int lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } rawLine)
        {
            lineNumber++;
            ReadOnlySpan<char> line = rawLine.AsSpan().Trim();
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Slice(1).TrimStart();
            }

            if (line.IsEmpty || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw SyntaxError(path, lineNumber, "a section header must look like [name]");
                }

                // Neither names nor values are quoted in messages: a mistyped line may hold a secret.
                string name = line[1..^1].Trim().ToString();
                if (!sectionLines.TryAdd(name, lineNumber))
                {
                    throw SyntaxError(path, lineNumber, "this section header repeats the one on line " + sectionLines[name].ToString(CultureInfo.InvariantCulture));
                }

                currentKeys = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
                if (string.Equals(name, section, StringComparison.OrdinalIgnoreCase))
                {
                    wanted = currentKeys;
                }

                continue;
            }

            int equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw SyntaxError(path, lineNumber, "expected 'key = value', a [section] header or a comment");
            }

            if (currentKeys is null)
            {
                throw SyntaxError(path, lineNumber, "a key appears before any [section] header");
            }

            string key = line[..equals].Trim().ToString();
            string value = line[(equals + 1)..].Trim().ToString();
            if (!currentKeys.TryAdd(key, (value, lineNumber)))
            {
                throw SyntaxError(path, lineNumber, "this key repeats the one on line " + currentKeys[key].Line.ToString(CultureInfo.InvariantCulture) + " in the same section");
            }
        }

        if (wanted is null)
        {
            return null;
        }

        string? accessKey = Value(wanted, "ak");
        string? secretKey = Value(wanted, "sk");
        if (accessKey is null || secretKey is null)
        {
            throw new HuaweiCloudCredentialsFileException(
                "The Huawei Cloud credentials file '" + path + "', section [" + section + "], needs both 'ak' and 'sk'.", path);
        }

        try
        {
            return new HuaweiCloudCredentials(accessKey, secretKey, Value(wanted, "project_id"), Value(wanted, "security_token"));
        }
        catch (ArgumentException e)
        {
            // The credentials' own messages never contain a value.
            throw new HuaweiCloudCredentialsFileException(
                "The Huawei Cloud credentials file '" + path + "', section [" + section + "]: " + e.Message.Split(" (Parameter", 2)[0], path, innerException: e);
        }
    }

    private static string? Value(Dictionary<string, (string Value, int Line)> keys, string key)
        => keys.TryGetValue(key, out (string Value, int Line) entry) && entry.Value.Length > 0 ? entry.Value : null;

    private static HuaweiCloudCredentialsFileException SyntaxError(string path, int lineNumber, string problem)
        => new("The Huawei Cloud credentials file '" + path + "' line " + lineNumber.ToString(CultureInfo.InvariantCulture) + ": " + problem + ".", path, lineNumber);
}
