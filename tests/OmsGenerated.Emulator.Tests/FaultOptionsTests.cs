using System;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Parsing and validation of fault and emulator options.</summary>
public sealed class FaultOptionsTests
{
    [Fact]
    public void Parse_reads_every_key()
    {
        FaultOptions faults = FaultOptions.Parse(" 500=0.05, 502=0.04,503=0.03,429=0.02,reset=0.01,slow=0.015,truncate=0.025,seed=7,slow-delay=300ms,retry-after=0 ");
        Assert.Equal(0.05, faults.InternalError);
        Assert.Equal(0.04, faults.BadGatewayHtml);
        Assert.Equal(0.03, faults.ServiceUnavailable);
        Assert.Equal(0.02, faults.TooManyRequests);
        Assert.Equal(0.01, faults.ConnectionReset);
        Assert.Equal(0.015, faults.SlowResponse);
        Assert.Equal(0.025, faults.TruncatedBody);
        Assert.Equal(7, faults.Seed);
        Assert.Equal(TimeSpan.FromMilliseconds(300), faults.SlowDelay);
        Assert.Equal(0, faults.RetryAfterSeconds);

        FaultOptions again = FaultOptions.Parse(faults.ToString());
        Assert.Equal(faults.ToString(), again.ToString());
        Assert.Equal(TimeSpan.FromSeconds(2.5), FaultOptions.Parse("slow=1,slow-delay=2.5s").SlowDelay);
    }

    [Fact]
    public void Defaults_and_None()
    {
        FaultOptions none = FaultOptions.None;
        Assert.False(none.Any);
        Assert.Equal(42, none.Seed);
        Assert.Equal(TimeSpan.FromSeconds(2), none.SlowDelay);
        Assert.Equal(1, none.RetryAfterSeconds);
        none.InternalError = 1;
        Assert.False(FaultOptions.None.Any); // a fresh instance each time
        Assert.False(FaultOptions.Parse(string.Empty).Any);
        Assert.False(FaultOptions.Parse("none").Any);
        Assert.Equal("none", FaultOptions.None.ToString());
    }

    [Theory]
    [InlineData("500=2", "500")]
    [InlineData("500=-0.1", "500")]
    [InlineData("500=abc", "500")]
    [InlineData("404=0.1", "unknown key '404'")]
    [InlineData("500=0.6,503=0.6", "add up to")]
    [InlineData("500", "not key=value")]
    [InlineData("500=0.1,,503=0.1", "empty item")]
    [InlineData("500=0.1,500=0.2", "more than once")]
    [InlineData("seed=x", "seed")]
    [InlineData("slow-delay=soon", "slow-delay")]
    [InlineData("retry-after=-1", "retry-after")]
    public void Parse_rejects_bad_input_with_a_clear_message(string spec, string expected)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => FaultOptions.Parse(spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(spec, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_rejects_invalid_options()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => OmsEmulator.StartAsync(new OmsEmulatorOptions { Port = 70000 }));
        await Assert.ThrowsAsync<ArgumentException>(() => OmsEmulator.StartAsync(new OmsEmulatorOptions { Faults = new FaultOptions { InternalError = 0.7, ConnectionReset = 0.7 } }));
        await Assert.ThrowsAsync<ArgumentException>(() => OmsEmulator.StartAsync(new OmsEmulatorOptions { AccessKey = " " }));
    }

    [Fact]
    public async Task The_emulator_exposes_its_address_and_credentials()
    {
        var options = new OmsEmulatorOptions();
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(options);
        Assert.Equal("http", emulator.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal(options.AccessKey, emulator.Credentials.AccessKey);
        Assert.Equal(options.SecretKey, emulator.Credentials.SecretKey);
        Assert.Equal(options.ProjectId, emulator.Credentials.ProjectId);
        Assert.Equal(options.ProjectId, emulator.ProjectId);
        Assert.DoesNotContain(options.SecretKey, emulator.ToString(), StringComparison.Ordinal);
    }
}
