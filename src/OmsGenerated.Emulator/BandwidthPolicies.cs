using System;
using System.Collections.Generic;
using System.Globalization;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// The rules OMS applies to bandwidth policies beyond the generated constraints (HH:mm, 1-200 MiB/s, at most 5):
/// a period must not start and end at the same minute, and no two periods may overlap (a period may run past midnight).
/// </summary>
internal static class BandwidthPolicies
{
    /// <summary>Null when the policies are acceptable; else the 400 OMS.0064 answer naming the field.</summary>
    public static EmulatorResponse? Check(IReadOnlyList<BandwidthPolicyDto?>? policies)
    {
        if (policies is null)
        {
            return null;
        }

        var minutes = new bool[24 * 60];
        foreach (BandwidthPolicyDto? policy in policies)
        {
            if (policy is null)
            {
                return OmsErrors.InvalidParameter("bandwidth_policy");
            }

            int start = Minutes(policy.Start);
            int end = Minutes(policy.End);
            if (start == end)
            {
                return OmsErrors.InvalidParameter("bandwidth_policy.end");
            }

            for (int minute = start; minute != end; minute = (minute + 1) % minutes.Length)
            {
                if (minutes[minute])
                {
                    return OmsErrors.InvalidParameter("bandwidth_policy.start");
                }

                minutes[minute] = true;
            }
        }

        return null;
    }

    /// <summary>Copies the non-null policies.</summary>
    public static List<BandwidthPolicyDto> Copy(IReadOnlyList<BandwidthPolicyDto?>? policies)
    {
        var copy = new List<BandwidthPolicyDto>();
        foreach (BandwidthPolicyDto? policy in policies ?? [])
        {
            if (policy is not null)
            {
                copy.Add(new BandwidthPolicyDto { Start = policy.Start, End = policy.End, MaxBandwidth = policy.MaxBandwidth });
            }
        }

        return copy;
    }

    private static int Minutes(string time)
        => (int.Parse(time.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture) * 60) + int.Parse(time.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
}
