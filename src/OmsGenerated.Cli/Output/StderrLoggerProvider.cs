using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace OmsGenerated.Cli.Output;

/// <summary>A minimal Microsoft.Extensions.Logging provider writing one line per entry to the CLI's stderr writer.</summary>
/// <remarks>Callers log only masked values (HuaweiCloudCredentials/OmsClientOptions ToString, paths, codes).</remarks>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _stderr;
    private readonly bool _verbose;
    private readonly object _gate = new();

    public StderrLoggerProvider(TextWriter stderr, bool verbose)
    {
        _stderr = stderr;
        _verbose = verbose;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string prefix = level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        lock (_gate)
        {
            _stderr.WriteLine(_verbose ? prefix + ": [" + category + "] " + message : prefix + ": " + message);
            if (exception is not null && _verbose)
            {
                _stderr.WriteLine(exception.ToString());
            }

            _stderr.Flush();
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly StderrLoggerProvider _provider;
        private readonly string _category;

        public Logger(StderrLoggerProvider provider, string category)
        {
            _provider = provider;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _provider.Write(logLevel, _category, formatter(state, exception), exception);
            }
        }
    }
}
