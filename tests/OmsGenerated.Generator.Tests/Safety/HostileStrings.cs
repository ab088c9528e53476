using System;
using System.Collections.Generic;
using System.Linq;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>Strings that would change generated C# if a spec value were pasted into it unescaped, by name.</summary>
internal static class HostileStrings
{
    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["line-separator"] = "\u2028",
        ["paragraph-separator"] = "\u2029",
        ["next-line"] = "\u0085",
        ["comment-end"] = "*/",
        ["quote"] = "\"",
        ["backslash"] = "\\",
        ["less-than"] = "<",
        ["greater-than"] = ">",
        ["ampersand"] = "&",
        ["line-feed"] = "\n",
        ["crlf"] = "\r\n",
        ["carriage-return"] = "\r",
        ["tab"] = "\t",
        ["c0-controls"] = "c" + new string(Enumerable.Range(0, 0x20).Select(c => (char)c).ToArray()) + "c",
        ["delete"] = "\u007f",
        ["open-brace"] = "{",
        ["close-brace"] = "}",
        ["pwned-after-line-separator"] = "x\u2028} public class Pwned { }\u2028//",
        ["pwned-after-paragraph-separator"] = "x\u2029} public class Pwned { }\u2029//",
        ["pwned-after-next-line"] = "x\u0085} public class Pwned { }\u0085//",
        ["pwned-after-line-feed"] = "x\n} public class Pwned { } //",
        ["pwned-after-carriage-return"] = "x\r} public class Pwned { } //",
        ["pwned-after-comment-end"] = "*/ public class Pwned { } /*",
        ["pwned-after-string-end"] = "\"; public class Pwned { } //",
    };
}
