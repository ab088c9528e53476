using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace OmsGenerated.Emulator;

/// <summary>Thread-safe counters of what the emulator received and answered.</summary>
public sealed class EmulatorStatistics
{
    private readonly long[] _faults = new long[Enum.GetValues<FaultKind>().Length];
    private readonly ConcurrentDictionary<int, long> _statusCodes = new();
    private long _requests;
    private long _signatureFailures;
    private long _authenticationFailures;

    /// <summary>Requests received (every request, including those answered by a fault).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests whose AK/SK signature (or X-Sdk-Date) was wrong or missing.</summary>
    public long SignatureFailures => Interlocked.Read(ref _signatureFailures);

    /// <summary>Requests answered 401 APIGW.0301 (bad signature, stale date, bad or missing token).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    /// <summary>Faults injected, all kinds together.</summary>
    public long FaultsInjected
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _faults.Length; i++)
            {
                total += Interlocked.Read(ref _faults[i]);
            }

            return total;
        }
    }

    /// <summary>A snapshot of the faults injected, per kind (every kind present, zero included).</summary>
    public IReadOnlyDictionary<FaultKind, long> FaultsByKind
        => Enum.GetValues<FaultKind>().ToDictionary(kind => kind, FaultCount);

    /// <summary>A snapshot of the responses sent, per HTTP status code (aborted connections have none).</summary>
    public IReadOnlyDictionary<int, long> ResponsesByStatus
        => new SortedDictionary<int, long>(_statusCodes);

    /// <summary>How many faults of one kind were injected.</summary>
    public long FaultCount(FaultKind kind) => Interlocked.Read(ref _faults[(int)kind]);

    /// <summary>How many responses had this status code.</summary>
    public long StatusCount(int statusCode) => _statusCodes.TryGetValue(statusCode, out long count) ? count : 0;

    /// <summary>One line, e.g. <c>requests=10 signature_failures=0 faults[500=1 502=0 …] statuses[200=8 500=1]</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("requests=").Append(Requests.ToString(CultureInfo.InvariantCulture));
        builder.Append(" signature_failures=").Append(SignatureFailures.ToString(CultureInfo.InvariantCulture));
        builder.Append(" auth_failures=").Append(AuthenticationFailures.ToString(CultureInfo.InvariantCulture));
        builder.Append(" faults[");
        builder.AppendJoin(' ', FaultsByKind.Select(pair => ShortName(pair.Key) + "=" + pair.Value.ToString(CultureInfo.InvariantCulture)));
        builder.Append("] statuses[");
        builder.AppendJoin(' ', ResponsesByStatus.Select(pair => pair.Key.ToString(CultureInfo.InvariantCulture) + "=" + pair.Value.ToString(CultureInfo.InvariantCulture)));
        builder.Append(']');
        return builder.ToString();
    }

    /// <summary>The key of a kind in a fault specification (<see cref="FaultOptions.Parse"/>).</summary>
    public static string ShortName(FaultKind kind) => kind switch
    {
        FaultKind.InternalError => "500",
        FaultKind.BadGatewayHtml => "502",
        FaultKind.ServiceUnavailable => "503",
        FaultKind.TooManyRequests => "429",
        FaultKind.ConnectionReset => "reset",
        FaultKind.SlowResponse => "slow",
        FaultKind.TruncatedBody => "truncate",
        _ => kind.ToString(),
    };

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountSignatureFailure() => Interlocked.Increment(ref _signatureFailures);

    internal void CountAuthenticationFailure() => Interlocked.Increment(ref _authenticationFailures);

    internal void CountFault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    internal void CountStatus(int statusCode) => _statusCodes.AddOrUpdate(statusCode, 1, static (_, count) => count + 1);
}
