using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Configuration;

/// <summary>
/// The destination (and optional source) keys <c>tasks start</c> sends to OMS: options, else the
/// <c>HUAWEICLOUD_OMS_DST_*</c>/<c>_SRC_*</c> environment variables, else (emulator only) placeholders.
/// </summary>
internal sealed class TransferCredentials
{
    private const string PlaceholderAk = "EMULATORDSTAK000000";
    private const string PlaceholderSk = "emulator-placeholder-dst-sk";

    private TransferCredentials(string dstAk, string dstSk, string? srcAk, string? srcSk)
    {
        DstAk = dstAk;
        DstSk = dstSk;
        SrcAk = srcAk;
        SrcSk = srcSk;
    }

    public string DstAk { get; }

    public string DstSk { get; }

    public string? SrcAk { get; }

    public string? SrcSk { get; }

    /// <exception cref="UsageException">The destination keys are missing against real OMS, or only half of a pair is given.</exception>
    public static TransferCredentials Resolve(string? dstAk, string? dstSk, string? srcAk, string? srcSk, CliEnvironment environment, bool emulator)
    {
        dstAk = Blank(dstAk) ?? environment.Get(CliEnvironment.DstAkVariable);
        dstSk = Blank(dstSk) ?? environment.Get(CliEnvironment.DstSkVariable);
        srcAk = Blank(srcAk) ?? environment.Get(CliEnvironment.SrcAkVariable);
        srcSk = Blank(srcSk) ?? environment.Get(CliEnvironment.SrcSkVariable);
        if ((srcAk is null) != (srcSk is null))
        {
            throw new UsageException("The source keys come as a pair: give both --src-ak and --src-sk (or " + CliEnvironment.SrcAkVariable + "/" + CliEnvironment.SrcSkVariable + ").");
        }

        if (dstAk is null || dstSk is null)
        {
            if (!emulator)
            {
                throw new UsageException(
                    "OMS needs the destination bucket's keys to start a task: pass --dst-ak and --dst-sk, or set "
                    + CliEnvironment.DstAkVariable + " and " + CliEnvironment.DstSkVariable + ".");
            }

            if (dstAk is not null || dstSk is not null)
            {
                throw new UsageException("The destination keys come as a pair: give both --dst-ak and --dst-sk.");
            }

            dstAk = PlaceholderAk;
            dstSk = PlaceholderSk;
        }

        return new TransferCredentials(dstAk, dstSk, srcAk, srcSk);
    }

    /// <summary>The request body (credentials are masked by its ToString).</summary>
    public StartTaskReq ToRequest(bool migrateFailedObjectsOnly) => new()
    {
        DstAk = DstAk,
        DstSk = DstSk,
        SrcAk = SrcAk,
        SrcSk = SrcSk,
        MigrateFailedObject = migrateFailedObjectsOnly ? true : null,
    };

    /// <summary>Never prints a key.</summary>
    public override string ToString() => "TransferCredentials { DstAk = ***, DstSk = ***, Src = " + (SrcAk is null ? "(none)" : "***") + " }";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
