namespace OmsGenerated.Cli.Configuration;

/// <summary>
/// The source bucket's keys that <c>groups create</c>, <c>sync start</c> and <c>buckets list</c> send to OMS: options,
/// else <c>HUAWEICLOUD_OMS_SRC_AK</c>/<c>_SK</c>, else (emulator only) placeholders.
/// </summary>
internal static class SourceCredentials
{
    /// <summary>The emulator's placeholder source secret key; a secret like any other, never printed.</summary>
    public const string PlaceholderSk = "emulator-placeholder-src-sk";

    private const string PlaceholderAk = "EMULATORSRCAK000000";

    /// <summary>The pair to send.</summary>
    /// <param name="srcAk">The <c>--src-ak</c> option, if given.</param>
    /// <param name="srcSk">The <c>--src-sk</c> option, if given.</param>
    /// <param name="environment">The CLI's environment.</param>
    /// <param name="emulator">Whether the embedded emulator is used.</param>
    /// <param name="purpose">What OMS needs them for, e.g. "to list buckets".</param>
    /// <exception cref="UsageException">Only half a pair, or none against real OMS.</exception>
    public static (string Ak, string Sk) Resolve(string? srcAk, string? srcSk, CliEnvironment environment, bool emulator, string purpose)
    {
        string? ak = Blank(srcAk) ?? environment.Get(CliEnvironment.SrcAkVariable);
        string? sk = Blank(srcSk) ?? environment.Get(CliEnvironment.SrcSkVariable);
        if ((ak is null) != (sk is null))
        {
            throw new UsageException("The source keys come as a pair: give both --src-ak and --src-sk (or " + CliEnvironment.SrcAkVariable + "/" + CliEnvironment.SrcSkVariable + ").");
        }

        if (ak is not null && sk is not null)
        {
            return (ak, sk);
        }

        if (!emulator)
        {
            throw new UsageException("OMS needs the source bucket's keys " + purpose + ": pass --src-ak and --src-sk, or set "
                + CliEnvironment.SrcAkVariable + " and " + CliEnvironment.SrcSkVariable + ".");
        }

        return (PlaceholderAk, PlaceholderSk);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
