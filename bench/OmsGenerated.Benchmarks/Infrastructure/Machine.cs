using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace OmsGenerated.Benchmarks.Infrastructure;

public static class Machine
{
    /// <summary>One line: OS, CPU model, logical cores, .NET runtime.</summary>
    public static string Describe()
    {
        string cpu = RuntimeInformation.ProcessArchitecture.ToString();
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (model is not null)
                {
                    cpu = model.Substring(model.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return $"{RuntimeInformation.OSDescription}, {cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}";
    }
}
