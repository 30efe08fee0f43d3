using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>Where a verb's document goes: stdout (no <c>-o</c>, or <c>-o -</c>), or the <c>-o</c> file with a one-line note on stderr.</summary>
internal static class CliOutput
{
    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="file"/> atomically (<see cref="AtomicFile"/>: an
    /// interrupted write never leaves half a file where a good one was), or to <paramref name="output"/> when no
    /// file is given.
    /// </summary>
    public static void Write(string text, string? file, TextWriter output, TextWriter error, string written)
    {
        if (IsStdout(file))
        {
            output.Write(text);
            return;
        }
        AtomicFile.WriteAllText(file, text);
        if (!Verbosity.Quiet) error.WriteLine($"{written} written to {file}");
    }

    /// <summary>No <c>-o</c>, or <c>-o -</c>: the document goes to stdout.</summary>
    public static bool IsStdout([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? file) => file is null or StdoutName;

    public const string StdoutName = "-";
}
