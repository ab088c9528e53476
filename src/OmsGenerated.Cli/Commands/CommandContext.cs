using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using Spectre.Console;

namespace OmsGenerated.Cli.Commands;

/// <summary>Everything one command invocation uses; created lazily so that cheap commands stay cheap.</summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private readonly LoggerFactory _loggerFactory;
    private IAnsiConsole? _console;
    private OmsConnection? _connection;
    private Task? _warmUp;

    public CommandContext(CliHost host, GlobalSettings settings)
    {
        Host = host;
        Settings = settings;
        Environment = new CliEnvironment(host.Environment);
        _loggerFactory = new LoggerFactory(
            new[] { new StderrLoggerProvider(host.Stderr, settings.Verbose) },
            new LoggerFilterOptions { MinLevel = settings.Verbose ? LogLevel.Debug : LogLevel.Warning });
        Logger = _loggerFactory.CreateLogger("oms");
    }

    public CliHost Host { get; }

    public GlobalSettings Settings { get; }

    public CliEnvironment Environment { get; }

    public ILogger Logger { get; }

    public bool Json => Settings.Json;

    public TextWriter Stdout => Host.Stdout;

    public TextWriter Stderr => Host.Stderr;

    /// <summary>The Spectre console over stdout.</summary>
    public IAnsiConsole Console => _console ??= ConsoleFactory.Create(Host);

    /// <summary>Starts compiling the table rendering in the background when the output will be human tables.</summary>
    public void WarmUpTables()
    {
        if (!Json && _warmUp is null)
        {
            _warmUp = ConsoleFactory.WarmUpAsync();
        }
    }

    /// <summary>Whether the live progress bar can be used (an interactive terminal, and not <c>--json</c>).</summary>
    public bool Interactive => !Json && Host.StdoutIsTerminal && Console.Profile.Capabilities.Interactive;

    /// <summary>Whether the embedded emulator will be used (decided without starting it).</summary>
    public bool UsesEmulator => ConnectionFactory.UsesEmulator(Settings, Environment);

    /// <summary>The client (and the emulator, when none is configured); created on first use.</summary>
    public async Task<OmsConnection> ConnectAsync(CancellationToken cancellationToken)
        => _connection ??= await ConnectionFactory.ConnectAsync(Settings, Environment, _loggerFactory, Host.Stderr, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _loggerFactory.Dispose();
        if (_warmUp is not null)
        {
            await _warmUp.ConfigureAwait(false);
        }
    }
}
