using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;
using Spectre.Console;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms regions [--cloud-type Aliyun]</c>: the source regions OMS supports for each vendor (ShowRegionInfo).</summary>
internal static class RegionsCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var cloudType = new Option<string?>("--cloud-type") { Description = "Only this vendor (e.g. Aliyun, AWS, Tencent)." };
        var command = new Command("regions", "List, for each source vendor, the regions OMS can migrate from.") { cloudType };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string? vendor = string.IsNullOrWhiteSpace(parse.GetValue(cloudType)) ? null : parse.GetValue(cloudType)!.Trim();
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            List<ShowRegionInfoResp> vendors = await connection.Client.ShowRegionInfoAsync(connection.ProjectId, cancellationToken).ConfigureAwait(false);
            if (vendor is not null)
            {
                vendors = vendors.Where(v => string.Equals(v.ServiceName, vendor, StringComparison.OrdinalIgnoreCase)).ToList();
                if (vendors.Count == 0)
                {
                    throw new UsageException("OMS lists no regions for the vendor '" + vendor + "'. Run 'oms regions' for the vendors it knows.");
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartArray();
                    foreach (ShowRegionInfoResp entry in vendors)
                    {
                        entry.WriteJson(writer);
                    }

                    writer.WriteEndArray();
                });
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded);
                table.AddColumn("Vendor");
                table.AddColumn("Region");
                table.AddColumn("Description");
                foreach (ShowRegionInfoResp entry in vendors)
                {
                    foreach (RegionInfo region in entry.RegionList ?? new List<RegionInfo>())
                    {
                        table.AddRow(new Text(entry.ServiceName ?? "?"), new Text(region.Value ?? "?"), new Text(region.Description ?? "-"));
                    }
                }

                context.Console.Write(table);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
