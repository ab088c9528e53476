using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Benchmarks.Loopback;
using OmsGenerated.Benchmarks.Reporting;

namespace OmsGenerated.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/OmsGenerated.Benchmarks -- [command]</c>:
/// <list type="bullet">
/// <item>(BenchmarkDotNet arguments, e.g. <c>--filter *</c>): the timed benchmarks; tables saved under bench/results.</item>
/// <item><c>smoke</c>: every benchmark method once (CI rot check, not a timing).</item>
/// <item><c>loopback [--seconds 5] [--workers 4] [--max-requests N]</c>: requests/s against the in-process emulator.</item>
/// <item><c>verify</c>: only the correctness checks the benchmarks run in their setup.</item>
/// <item><c>anatomy</c>, <c>anatomy-signed</c>, <c>anatomy-signer</c>, <c>anatomy-generator</c>: where the error path's (unsigned, and signed against unsigned), the signer's and the generator's time goes (diagnostics, not in the default run).</item>
/// <item><c>synthetic-spec [path]</c>: writes the synthetic 500-operation spec.</item>
/// </list>
/// </summary>
public static class Program
{
    private static readonly Type[] s_benchmarks =
    [
        typeof(StartTaskBenchmarks),
        typeof(SignerBenchmarks),
        typeof(GeneratorBenchmarks),
        typeof(GeneratorRerunBenchmarks),
    ];

    public static async Task<int> Main(string[] args)
    {
        string command = args.Length > 0 ? args[0] : string.Empty;
        switch (command)
        {
            case "loopback":
                return await LoopbackThroughput.RunAsync(args[1..]).ConfigureAwait(false);
            case "verify":
                foreach (string sent in await StartTaskBenchmarks.VerifyAsync().ConfigureAwait(false))
                {
                    Console.WriteLine(sent);
                }

                var signer = new SignerBenchmarks();
                signer.Setup();
                signer.Cleanup();
                new GeneratorRerunBenchmarks().Setup();
                Console.WriteLine("verify: all contenders send the same StartTask request and decode the same error; the floor signer agrees with AkSkSigner; " + GeneratorRerunBenchmarks.RerunReport);
                return 0;
            case "synthetic-spec":
                Console.WriteLine(SyntheticSpec.WriteTo(args.Length > 1 ? args[1] : SyntheticSpec.DefaultPath));
                return 0;
            case "anatomy":
                BenchmarkRunner.Run<Diagnostics.ErrorPathAnatomy>(BenchConfig.Create(smoke: false));
                return 0;
            case "anatomy-signed":
                BenchmarkRunner.Run<Diagnostics.SignedErrorAnatomy>(BenchConfig.Create(smoke: false));
                return 0;
            case "anatomy-generator":
                BenchmarkRunner.Run<Diagnostics.GeneratorAnatomy>(BenchConfig.Create(smoke: false));
                return 0;
            case "anatomy-signer":
                BenchmarkRunner.Run<Diagnostics.SignerAnatomy>(BenchConfig.Create(smoke: false));
                return 0;
            case "smoke":
                return await SmokeAsync().ConfigureAwait(false);
            default:
                return Timed(args);
        }
    }

    private static int Timed(string[] args)
    {
        StartTaskBenchmarks.VerifyAsync().GetAwaiter().GetResult();
        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromTypes(s_benchmarks).Run(args, BenchConfig.Create(smoke: false)).ToList();
        if (!summaries.Any(s => s.Reports.Any()))
        {
            return 0; // e.g. --list or --help
        }

        string concise = TargetReport.Build(summaries);
        Console.WriteLine();
        Console.WriteLine(concise);
        TargetReport.Save(summaries, concise);
        return summaries.Any(HasFailures) ? 1 : 0;
    }

    private static async Task<int> SmokeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await StartTaskBenchmarks.VerifyAsync().ConfigureAwait(false);
        Type[] diagnostics = [typeof(Diagnostics.ErrorPathAnatomy), typeof(Diagnostics.SignedErrorAnatomy), typeof(Diagnostics.SignerAnatomy), typeof(Diagnostics.GeneratorAnatomy)];
        Summary[] summaries = BenchmarkRunner.Run([.. s_benchmarks, .. diagnostics], BenchConfig.Create(smoke: true));
        int cases = summaries.Sum(s => s.BenchmarksCases.Length);
        bool failed = summaries.Any(HasFailures);
        Console.WriteLine($"smoke: {cases} benchmark cases, each run once, in {started.Elapsed.TotalSeconds:0} s: {(failed ? "FAILED" : "ok")}");
        return failed ? 1 : 0;
    }

    private static bool HasFailures(Summary summary)
        => summary.HasCriticalValidationErrors || summary.Reports.Length != summary.BenchmarksCases.Length || summary.Reports.Any(r => !r.Success);
}
