using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using OmsGenerated.Runtime.Telemetry;

namespace OmsGenerated.Runtime.Http;

/// <summary>The User-Agent generated clients send unless the caller set one: <c>OmsGenerated/{version} (.NET {version}; {OS} {version})</c>.</summary>
internal static class ProductUserAgent
{
    public static string Value { get; } = Build();

    /// <summary>Adds <see cref="Value"/> when neither the request nor the client's default headers carry a User-Agent.</summary>
    public static void AddIfMissing(HttpClient client, HttpRequestMessage request)
    {
        // NonValidated: reads without parsing, so concurrent requests on one HttpClient never mutate its default headers.
        if (!request.Headers.NonValidated.Contains("User-Agent") && !client.DefaultRequestHeaders.NonValidated.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", Value);
        }
    }

    private static string Build()
    {
        var product = "OmsGenerated/" + Token(ApiTelemetry.InformationalVersion);
        var comment = "(" + CommentText(RuntimeInformation.FrameworkDescription) + "; " + CommentText(OperatingSystemName() + " " + Environment.OSVersion.Version) + ")";
        var value = product + " " + comment;
        return ProductInfoHeaderValue.TryParse(product, out _) && ProductInfoHeaderValue.TryParse(comment, out _) ? value : "OmsGenerated";
    }

    private static string OperatingSystemName()
        => OperatingSystem.IsWindows() ? "Windows"
            : OperatingSystem.IsLinux() ? "Linux"
            : OperatingSystem.IsMacOS() ? "macOS"
            : OperatingSystem.IsFreeBSD() ? "FreeBSD"
            : OperatingSystem.IsAndroid() ? "Android"
            : OperatingSystem.IsIOS() ? "iOS"
            : "Unknown";

    private static string Token(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || "!#$%&'*+-.^_`|~".IndexOf(chars[i], StringComparison.Ordinal) >= 0))
            {
                chars[i] = '-';
            }
        }

        return new string(chars);
    }

    private static string CommentText(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '(' or ')' or '\\' || chars[i] < ' ' || chars[i] > '~')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars).Trim();
    }
}
