using System.Text;

namespace Sweep.Orchestrator.Execution;

/// <summary>A stdout line that breaks the trial protocol; the one-line message names the line and quotes it.</summary>
public sealed class TrialLineException(string message) : Exception(message)
{
    private const int QuoteLength = 120;

    /// <summary><c>line 7: not JSON: "Epoch 1: loss 0.3"</c>, quoting at most 120 characters.</summary>
    public static TrialLineException ForLine(int lineNumber, string reason, string line) =>
        new($"line {lineNumber}: {reason}: \"{Quote(line)}\"");

    // Keeps the message on one line and bounded, whatever the program printed.
    private static string Quote(string line)
    {
        var sb = new StringBuilder(Math.Min(line.Length, QuoteLength) + 1);
        foreach (var c in line.AsSpan(0, Math.Min(line.Length, QuoteLength)))
            sb.Append(char.IsControl(c) ? ' ' : c);
        if (line.Length > QuoteLength) sb.Append('…');
        return sb.ToString();
    }
}
