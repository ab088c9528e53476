using System.CommandLine;

namespace OmsGenerated.Cli.Commands;

/// <summary>Builds the command tree. Cheap: nothing here touches the network, the console or the emulator.</summary>
internal static class CommandTree
{
    private const string Description =
        "Huawei Cloud Object Storage Migration Service (OMS) tasks, task groups and sync tasks from the command line.\n"
        + "\n"
        + "Configuration (first match wins): the options below; the HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK,\n"
        + "HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID and HUAWEICLOUD_SDK_REGION environment variables;\n"
        + "for the keys, the [basic] section of HUAWEICLOUD_SDK_CREDENTIALS_FILE or ~/.huaweicloud/credentials;\n"
        + "otherwise, when nothing is configured, an embedded OMS emulator with demo tasks 1001-1005.\n"
        + "\n"
        + ExitCodes.HelpTable;

    public static RootCommand Create(CliHost host)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(Description);
        globals.AddTo(root);
        root.Add(TasksCommand.Create(host, globals));
        root.Add(GroupsCommand.Create(host, globals));
        root.Add(SyncCommand.Create(host, globals));
        root.Add(BucketsCommand.Create(host, globals));
        root.Add(RegionsCommand.Create(host, globals));
        root.Add(EmulatorCommand.Create(host, globals));
        return root;
    }
}
