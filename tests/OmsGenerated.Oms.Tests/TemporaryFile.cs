using System;
using System.IO;

namespace OmsGenerated.Oms.Tests;

/// <summary>A file in a fresh temporary directory, deleted with it on dispose.</summary>
internal sealed class TemporaryFile : IDisposable
{
    private readonly string _directory;

    public TemporaryFile(string content, string name = "credentials")
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oms-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, name);
        File.WriteAllText(Path, content);
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The directory holding the file.</summary>
    public string DirectoryPath => _directory;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
