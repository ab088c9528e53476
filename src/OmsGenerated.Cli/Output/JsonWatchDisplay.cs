using System;
using System.IO;
using System.Threading.Tasks;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Output;

/// <summary>One JSON object (the task as OMS returned it) per poll: NDJSON on stdout.</summary>
internal sealed class JsonWatchDisplay : IWatchDisplay
{
    private readonly TextWriter _output;

    public JsonWatchDisplay(TextWriter output)
    {
        _output = output;
    }

    public Task<TaskResp> RunAsync(Func<Action<TaskResp>, Task<TaskResp>> poll)
        => poll(task => JsonOutput.Write(_output, task.WriteJson, indented: false));
}
