using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OmsGenerated.Oms.Tests;

/// <summary>Keeps every log line (message, structured values, scopes and exception) for inspection.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<string> _lines;

        public Logger(string category, ConcurrentQueue<string> lines)
        {
            _category = category;
            _lines = lines;
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            _lines.Enqueue(_category + " [scope] " + Describe(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder();
            line.Append(_category).Append(" [").Append(logLevel).Append("] ").Append(formatter(state, exception));
            line.Append(" | ").Append(Describe(state));
            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            _lines.Enqueue(line.ToString());
        }

        private static string Describe(object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                var builder = new StringBuilder();
                foreach (KeyValuePair<string, object?> pair in values)
                {
                    builder.Append(pair.Key).Append('=').Append(FormatValue(pair.Value)).Append("; ");
                }

                return builder.ToString();
            }

            return state?.ToString() ?? string.Empty;
        }

        private static string FormatValue(object? value)
            => value is System.Collections.IEnumerable items and not string
                ? "[" + string.Join(", ", items.Cast<object?>()) + "]"
                : value?.ToString() ?? "null";
    }
}
