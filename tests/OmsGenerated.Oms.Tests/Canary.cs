using System;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>Distinctive secret values used across the suite; none of them may ever show up in text the library produces.</summary>
internal static class Canary
{
    public const string AccessKey = "CANARYAK7Q2W";
    public const string SecretKey = "CANARYSK9X8ZQ4M1";
    public const string WrongSecretKey = "CANARYSKWRONG3V6";
    public const string SecurityToken = "CANARYSTS5T8B";
    public const string AuthToken = "CANARYTOKEN2R7K";
    public const string DstAk = "CANARYDSTAK4N8";
    public const string DstSk = "CANARYDSTSK6P3";
    public const string SrcAk = "CANARYSRCAK1H5";
    public const string SrcSk = "CANARYSRCSK8J2";
    public const string CdnKey = "CANARYCDN3F9W";
    public const string DstSecurityToken = "CANARYDSTSTS7Y";

    public const string ProjectId = "2c0689c860ad4728a497c91ec0844383";
    public const long TaskId = 191297407830872;

    public static readonly string[] All =
    {
        AccessKey, SecretKey, WrongSecretKey, SecurityToken, AuthToken, DstAk, DstSk, SrcAk, SrcSk, CdnKey, DstSecurityToken,
    };

    public static HuaweiCloudCredentials Credentials(string secretKey = SecretKey, string? projectId = null, string? securityToken = null)
        => new(AccessKey, secretKey, projectId, securityToken);

    public static StartTaskReq Body() => new()
    {
        DstAk = DstAk,
        DstSk = DstSk,
        SrcAk = SrcAk,
        SrcSk = SrcSk,
        SourceCdnAuthenticationKey = CdnKey,
        DstSecurityToken = DstSecurityToken,
        MigrateFailedObject = true,
    };

    public static void AssertAbsent(string? text, string what)
    {
        if (text is null)
        {
            return;
        }

        foreach (string canary in All)
        {
            if (text.Contains(canary, StringComparison.Ordinal))
            {
                Assert.Fail(what + " contains the secret canary '" + canary + "':\n" + text);
            }
        }
    }
}
