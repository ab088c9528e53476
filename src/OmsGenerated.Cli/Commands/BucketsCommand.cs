using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms buckets list [--cloud-type Aliyun]</c>: the source buckets the source keys can see (ShowBucketList).</summary>
internal static class BucketsCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var buckets = new Command("buckets", "Look at a migration source before creating a task.");
        var cloudType = new Option<string>("--cloud-type")
        {
            Description = "Source vendor: AWS, Azure, Aliyun (default), Tencent, HuaweiCloud, QingCloud, KingsoftCloud, Baidu, Qiniu, Google, UCloud.",
            DefaultValueFactory = _ => "Aliyun",
        };
        var appId = new Option<string?>("--app-id") { Description = "Tencent Cloud APPID (Tencent sources only)." };
        var srcAk = new Option<string?>("--src-ak") { Description = "Source access key [env: " + CliEnvironment.SrcAkVariable + "]." };
        var srcSk = new Option<string?>("--src-sk") { Description = "Source secret key [env: " + CliEnvironment.SrcSkVariable + "; prefer the environment]." };
        var list = new Command("list", "List the buckets the source keys can see.") { cloudType, appId, srcAk, srcSk };
        CommandRunner.SetHandler(list, host, globals, async (context, parse, cancellationToken) =>
        {
            (string ak, string sk) = SourceCredentials.Resolve(parse.GetValue(srcAk), parse.GetValue(srcSk), context.Environment, context.UsesEmulator, "to list buckets");
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            List<string> names = await connection.Client.ShowBucketListAsync(
                new ListBucketsReq { CloudType = parse.GetValue(cloudType)!, Ak = ak, Sk = sk, AppId = Blank(parse.GetValue(appId)) }, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("count", names.Count);
                    writer.WriteStartArray("buckets");
                    foreach (string name in names)
                    {
                        writer.WriteStringValue(name);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else
            {
                foreach (string name in names)
                {
                    context.Stdout.WriteLine(name);
                }

                context.Stderr.WriteLine(names.Count.ToString(CultureInfo.InvariantCulture) + (names.Count == 1 ? " bucket" : " buckets"));
            }

            return ExitCodes.Success;
        });
        buckets.Add(list);
        return buckets;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
