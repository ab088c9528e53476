using System.Collections.Generic;

namespace OmsGenerated.Cli.Tests;

/// <summary>Secret values the tests feed to the CLI; none may ever appear in its output.</summary>
internal static class Canary
{
    public const string AccessKey = "CANARYAKQ7X2M9P4"; // not a secret, but the CLI never needs to print it
    public const string SecretKey = "canary-sk-5f0e9c1b7a2d4e6f8091";
    public const string WrongSecretKey = "canary-wrong-sk-3b8d2f7e1c9a";
    public const string DstSecretKey = "canary-dst-sk-8e1f4a6b2c0d";
    public const string SrcSecretKey = "canary-src-sk-0a9b8c7d6e5f";
    public const string Token = "canary-token-MIIE2b7c9d1e3f";
    public const string SecurityToken = "canary-sts-7d2e9f1a4b6c";

    /// <summary>The CLI's environment for a run against an OMS stand-in: the canary account keys and both transfer key pairs.</summary>
    public static Dictionary<string, string?> Environment(string projectId) => new()
    {
        ["HUAWEICLOUD_SDK_AK"] = AccessKey,
        ["HUAWEICLOUD_SDK_SK"] = SecretKey,
        ["HUAWEICLOUD_SDK_PROJECT_ID"] = projectId,
        ["HUAWEICLOUD_OMS_DST_AK"] = "CANARYDSTAK",
        ["HUAWEICLOUD_OMS_DST_SK"] = DstSecretKey,
        ["HUAWEICLOUD_OMS_SRC_AK"] = "CANARYSRCAK",
        ["HUAWEICLOUD_OMS_SRC_SK"] = SrcSecretKey,
    };

    /// <summary>The embedded emulator's own secret key and the CLI's placeholder destination key are secrets too.</summary>
    public static readonly string[] All =
    {
        AccessKey, SecretKey, WrongSecretKey, DstSecretKey, SrcSecretKey, Token, SecurityToken,
        new OmsGenerated.Emulator.OmsEmulatorOptions().SecretKey,
        "emulator-placeholder-dst-sk",
        OmsGenerated.Cli.Configuration.SourceCredentials.PlaceholderSk,
    };
}
