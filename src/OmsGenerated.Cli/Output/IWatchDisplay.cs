using System;
using System.Threading.Tasks;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Output;

/// <summary>Shows the polls of <c>tasks watch</c>/<c>--wait</c>: a live bar, plain lines, or NDJSON.</summary>
internal interface IWatchDisplay
{
    /// <summary>Runs <paramref name="poll"/>, which calls the given callback with every snapshot, and returns its result.</summary>
    Task<TaskResp> RunAsync(Func<Action<TaskResp>, Task<TaskResp>> poll);
}
