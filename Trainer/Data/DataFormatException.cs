namespace Sweep.Trainer.Data;

/// <summary>A dataset file that cannot be decoded; the message is one line: "path: what is wrong".</summary>
public sealed class DataFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file that failed.</summary>
    public string FilePath { get; } = path;
}
