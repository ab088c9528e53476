using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary>
/// <c>oms groups create --src-bucket … --src-region … --dst-bucket … --dst-region … [--prefix …] [--type prefix|list|url_list]</c>.
/// Never retried: a repeated create would make a second group.
/// </summary>
internal static class GroupCreateCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var type = new Option<string>("--type") { Description = "prefix (default), list (object-list file) or url_list (URL-list file).", DefaultValueFactory = _ => "prefix" };
        type.AcceptOnlyFromAmong("prefix", "list", "url_list");
        var srcCloud = new Option<string>("--src-cloud-type") { Description = "Source vendor: AWS, Azure, Aliyun (default), Tencent, HuaweiCloud, Google, URLSource…", DefaultValueFactory = _ => "Aliyun" };
        var srcRegion = new Option<string?>("--src-region") { Description = "Region of the source bucket (not for url_list)." };
        var srcBucket = new Option<string?>("--src-bucket") { Description = "Source bucket (not for url_list)." };
        var prefixes = new Option<string[]>("--prefix") { Description = "A prefix to migrate (repeatable); without one, the whole bucket.", AllowMultipleArgumentsPerToken = false };
        var listBucket = new Option<string?>("--list-file-bucket") { Description = "list/url_list: the OBS bucket that holds the list file." };
        var listKey = new Option<string?>("--list-file-key") { Description = "list/url_list: the object name of the list file." };
        var dstRegion = new Option<string>("--dst-region") { Description = "Region of the destination bucket; it must be the endpoint's region.", Required = true };
        var dstBucket = new Option<string>("--dst-bucket") { Description = "Destination bucket.", Required = true };
        var savePrefix = new Option<string?>("--save-prefix") { Description = "Prefix prepended to every object key at the destination." };
        var description = new Option<string?>("--description") { Description = "Description, at most 255 characters, without ^<>&\"'." };
        var keyOptions = new TransferKeyOptions();
        var command = new Command("create", "Create a task group; OMS creates its tasks and starts them. Prints the new group ID.")
        {
            type, srcCloud, srcRegion, srcBucket, prefixes, listBucket, listKey, dstRegion, dstBucket, savePrefix, description,
        };
        keyOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            string kind = result.ValueOrDefault(type) ?? "prefix";
            if (kind != "url_list" && (string.IsNullOrWhiteSpace(result.ValueOrDefault(srcRegion)) || string.IsNullOrWhiteSpace(result.ValueOrDefault(srcBucket))))
            {
                result.AddError("--src-region and --src-bucket are required unless --type is url_list.");
            }

            if (kind != "prefix" && (string.IsNullOrWhiteSpace(result.ValueOrDefault(listBucket)) || string.IsNullOrWhiteSpace(result.ValueOrDefault(listKey))))
            {
                result.AddError("--list-file-bucket and --list-file-key are required with --type " + kind + ".");
            }

            if (result.ValueOrDefault(description) is { Length: > 255 })
            {
                result.AddError("--description must be at most 255 characters.");
            }
        });

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string kind = parse.GetValue(type)!;
            TransferCredentials credentials = keyOptions.Resolve(parse, context);
            (string? sourceAk, string? sourceSk) = kind == "url_list"
                ? (credentials.SrcAk, credentials.SrcSk)
                : keyOptions.ResolveSource(parse, context, "to create a task group");

            string[] keys = parse.GetValue(prefixes) ?? Array.Empty<string>();
            var request = new CreateTaskGroupReq
            {
                TaskType = kind switch { "list" => TaskGroupTaskType.List, "url_list" => TaskGroupTaskType.UrlList, _ => TaskGroupTaskType.Prefix },
                SrcNode = new TaskGroupSrcNode
                {
                    CloudType = kind == "url_list" ? "URLSource" : parse.GetValue(srcCloud),
                    Region = parse.GetValue(srcRegion),
                    Bucket = parse.GetValue(srcBucket),
                    Ak = sourceAk,
                    Sk = sourceSk,
                    ObjectKey = kind == "prefix" ? (keys.Length == 0 ? new List<string> { string.Empty } : keys.ToList()) : null,
                    ListFile = kind == "prefix" ? null : new ListFile { ObsBucket = parse.GetValue(listBucket)!, ListFileKey = parse.GetValue(listKey)! },
                },
                DstNode = new TaskGroupDstNode
                {
                    Ak = credentials.DstAk,
                    Sk = credentials.DstSk,
                    Region = parse.GetValue(dstRegion)!,
                    Bucket = parse.GetValue(dstBucket)!,
                    SavePrefix = parse.GetValue(savePrefix),
                },
                Description = parse.GetValue(description),
            };

            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            CreateTaskGroupResponse created = await connection.Client.CreateTaskGroupAsync(request, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    JsonOutput.WriteStringOrNull(writer, "groupId", created.GroupId);
                    writer.WriteString("result", "created");
                    writer.WriteEndObject();
                });
            }
            else
            {
                context.Stdout.WriteLine("Task group " + (created.GroupId ?? "?") + " created; OMS creates and starts its tasks. Follow it with 'oms groups show " + (created.GroupId ?? "<id>") + "'.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
