using System.Collections.Generic;
using System.IO;

namespace OmsGenerated.Cli;

/// <summary>What the CLI runs against: its output writers, its environment, and whether stdout is a terminal.</summary>
/// <param name="Stdout">Results (tables, JSON).</param>
/// <param name="Stderr">Notices, logs and errors.</param>
/// <param name="Environment">Environment variables; the CLI never reads the process environment itself.</param>
/// <param name="StdoutIsTerminal">Whether <paramref name="Stdout"/> is an interactive terminal (live progress, colours).</param>
internal sealed record CliHost(TextWriter Stdout, TextWriter Stderr, IDictionary<string, string?> Environment, bool StdoutIsTerminal);
