using System;
using System.IO;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public class HuaweiCloudCredentialsFileTests
{
    private const string Path = "/home/dev/.huaweicloud/credentials";

    [Fact]
    public void The_basic_section_is_read_as_the_Huawei_SDKs_write_it()
    {
        string text = "\uFEFF# written by hcloud\n"
            + "[global]\nak = GLOBALAK\nsk = GLOBALSK\ndomain_id = d1\n\n"
            + "; project-level services\n"
            + "[Basic]\n"
            + "  AK =  " + Canary.AccessKey + "  \n"
            + "sk=" + Canary.SecretKey + "\n"
            + "security_token = " + Canary.SecurityToken + "\n"
            + "project_id = " + Canary.ProjectId + "\n"
            + "iam_endpoint = https://iam.myhuaweicloud.com\n";

        HuaweiCloudCredentials credentials = HuaweiCloudCredentialsFile.Parse(text, Path)!;
        Assert.Equal(Canary.AccessKey, credentials.AccessKey);
        Assert.Equal(Canary.SecretKey, credentials.SecretKey);
        Assert.Equal(Canary.SecurityToken, credentials.SecurityToken);
        Assert.Equal(Canary.ProjectId, credentials.ProjectId);

        HuaweiCloudCredentials global = HuaweiCloudCredentialsFile.Parse(text, Path, "global")!;
        Assert.Equal("GLOBALAK", global.AccessKey);
        Assert.Null(global.SecurityToken);
    }

    [Fact]
    public void A_file_without_the_section_has_no_credentials()
    {
        Assert.Null(HuaweiCloudCredentialsFile.Parse("[global]\nak = A\nsk = S\n", Path));
        Assert.Null(HuaweiCloudCredentialsFile.Parse(string.Empty, Path));
    }

    [Theory]
    [InlineData("[basic]\nak = A\n" + Canary.SecretKey + "\n", 3, "expected 'key = value', a [section] header or a comment")]
    [InlineData("ak = " + Canary.AccessKey + "\n", 1, "a key appears before any [section] header")]
    [InlineData("[basic]\nak = A\nsk = " + Canary.SecretKey + "\nsk = " + Canary.WrongSecretKey + "\n", 4, "this key repeats the one on line 3 in the same section")]
    [InlineData("[basic]\nak = A\nsk = S\n\n[BASIC]\n", 5, "this section header repeats the one on line 1")]
    [InlineData("[basic\nsk = " + Canary.SecretKey + "\n", 1, "a section header must look like [name]")]
    [InlineData("[basic]\n= " + Canary.SecretKey + "\n", 2, "expected 'key = value', a [section] header or a comment")]
    public void A_malformed_file_is_an_error_naming_the_file_and_line_but_no_content(string text, int line, string problem)
    {
        HuaweiCloudCredentialsFileException ex = Assert.Throws<HuaweiCloudCredentialsFileException>(() => HuaweiCloudCredentialsFile.Parse(text, Path));
        Assert.Equal("The Huawei Cloud credentials file '" + Path + "' line " + line + ": " + problem + ".", ex.Message);
        Assert.Equal(Path, ex.FilePath);
        Assert.Equal(line, ex.LineNumber);
        Canary.AssertAbsent(ex.ToString(), "credentials file error");
    }

    [Theory]
    [InlineData("[basic]\nak = " + Canary.AccessKey + "\n")]
    [InlineData("[basic]\nsk = " + Canary.SecretKey + "\nak =\n")]
    public void A_section_without_ak_or_sk_is_an_error(string text)
    {
        HuaweiCloudCredentialsFileException ex = Assert.Throws<HuaweiCloudCredentialsFileException>(() => HuaweiCloudCredentialsFile.Parse(text, Path));
        Assert.Equal("The Huawei Cloud credentials file '" + Path + "', section [basic], needs both 'ak' and 'sk'.", ex.Message);
        Assert.Null(ex.LineNumber);
        Canary.AssertAbsent(ex.ToString(), "credentials file error");
    }

    [Fact]
    public void An_unusable_value_is_an_error_without_the_value()
    {
        string text = "[basic]\nak = " + Canary.AccessKey + "\nsk = " + Canary.SecretKey + "\nsecurity_token = " + Canary.SecurityToken + "\u0001\n";
        HuaweiCloudCredentialsFileException ex = Assert.Throws<HuaweiCloudCredentialsFileException>(() => HuaweiCloudCredentialsFile.Parse(text, Path));
        Assert.Equal("The Huawei Cloud credentials file '" + Path + "', section [basic]: The security token contains whitespace or control characters.", ex.Message);
        Canary.AssertAbsent(ex.ToString(), "credentials file error");
    }

    [Fact]
    public void Load_reads_the_file_and_names_it_when_it_cannot()
    {
        using var file = new TemporaryFile("[basic]\nak = " + Canary.AccessKey + "\nsk = " + Canary.SecretKey + "\n");
        Assert.Equal(Canary.AccessKey, HuaweiCloudCredentialsFile.Load(file.Path)!.AccessKey);

        string missing = System.IO.Path.Combine(file.DirectoryPath, "absent");
        HuaweiCloudCredentialsFileException ex = Assert.Throws<HuaweiCloudCredentialsFileException>(() => HuaweiCloudCredentialsFile.Load(missing));
        Assert.StartsWith("The Huawei Cloud credentials file '" + missing + "' cannot be read (FileNotFoundException).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPath_prefers_the_variable_then_the_home_directory()
    {
        Assert.Equal("/etc/oms/creds", HuaweiCloudCredentialsFile.DefaultPath(name => name switch
        {
            "HUAWEICLOUD_SDK_CREDENTIALS_FILE" => " /etc/oms/creds ",
            "HOME" => "/home/dev",
            _ => null,
        }));
        Assert.Equal(System.IO.Path.Combine("/home/dev", ".huaweicloud", "credentials"), HuaweiCloudCredentialsFile.DefaultPath(name => name == "HOME" ? "/home/dev" : null));
        Assert.Equal(System.IO.Path.Combine("C:\\Users\\dev", ".huaweicloud", "credentials"), HuaweiCloudCredentialsFile.DefaultPath(name => name == "USERPROFILE" ? "C:\\Users\\dev" : null));
        Assert.Null(HuaweiCloudCredentialsFile.DefaultPath(_ => null));
    }
}
