using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using Polly.Timeout;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>Exception → exit code mapping, and what is printed for unexpected errors.</summary>
public sealed class ErrorReporterTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new UsageException("bad"), ExitCodes.UsageError },
        { new ArgumentOutOfRangeException("limit", "limit must be at most 100."), ExitCodes.UsageError },
        { new OptionsValidationException("OmsClientOptions", typeof(object), new[] { "No authentication is configured." }), ExitCodes.UsageError },
        { new HttpRequestException("Connection refused"), ExitCodes.NetworkError },
        { new TimeoutRejectedException("timed out", TimeSpan.FromSeconds(60)), ExitCodes.NetworkError },
        { new TaskCanceledException("HttpClient timeout"), ExitCodes.NetworkError },
        { new InvalidOperationException("boom"), ExitCodes.UnexpectedError },
        { new NullReferenceException(), ExitCodes.UnexpectedError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_MapsExceptionsToExitCodes(Exception exception, int exitCode)
    {
        Assert.Equal(exitCode, ErrorReporter.Classify(exception, CancellationToken.None).ExitCode);
    }

    [Fact]
    public void Classify_CancellationRequested_Is130()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Equal(ExitCodes.Cancelled, ErrorReporter.Classify(new OperationCanceledException(cancellation.Token), cancellation.Token).ExitCode);
    }

    [Fact]
    public void UnexpectedError_IsOneLine_WithTheStackOnlyWhenVerbose()
    {
        Exception exception = Thrown();

        var quiet = new StringWriter();
        int code = ErrorReporter.Report(Host(quiet), json: false, verbose: false, exception, CancellationToken.None);
        Assert.Equal(ExitCodes.UnexpectedError, code);
        Assert.Equal("error: Unexpected error (InvalidOperationException): boom\nRun with --verbose for details.\n", quiet.ToString().Replace("\r", string.Empty));

        var verbose = new StringWriter();
        ErrorReporter.Report(Host(verbose), json: false, verbose: true, exception, CancellationToken.None);
        Assert.Contains("   at ", verbose.ToString());
    }

    [Fact]
    public void Humanize_FormatsSizesSpeedsAndDurations()
    {
        Assert.Equal("512 B", Humanize.Bytes(512));
        Assert.Equal("1.50 KiB", Humanize.Bytes(1536));
        Assert.Equal("5.00 GiB", Humanize.Bytes(5L * 1024 * 1024 * 1024));
        Assert.Equal("12.5 MiB/s", Humanize.Speed(13_107_200));
        Assert.Equal("1h 02m 03s", Humanize.Duration(3_723_000));
        Assert.Equal("45s", Humanize.Duration(45_000));
        Assert.Equal("-", Humanize.Bytes(null));
        Assert.Equal("45.7%", Humanize.Percent(0.4567));
    }

    [Theory]
    [InlineData("failed", 4)]
    [InlineData("FAILED", 4)]
    [InlineData("paused", 3)]
    [InlineData("migrating", 2)]
    [InlineData("7", 7)]
    public void StatusNamesAndCodes_Parse(string text, int code)
    {
        Assert.Equal(code, TaskStatusText.Parse(text).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("done")]
    public void UnknownStatuses_AreUsageErrors(string text)
    {
        Assert.Throws<UsageException>(() => TaskStatusText.Parse(text));
    }

    private static CliHost Host(TextWriter stderr) => new(TextWriter.Null, stderr, new Dictionary<string, string?>(), StdoutIsTerminal: false);

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
