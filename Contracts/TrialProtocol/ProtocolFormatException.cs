using System.Text;

namespace Sweep.Contracts.TrialProtocol;

/// <summary>
/// A line that breaks the trial protocol. <see cref="Reason"/> names the record type and field; a reader that counts
/// lines adds the line number and a quote: <c>line 7: progress: field 'step' must be … (got -1): "{…}"</c>.
/// </summary>
public sealed class ProtocolFormatException : Exception
{
    /// <summary>How much of the offending line a message quotes.</summary>
    public const int QuoteLength = 120;

    public ProtocolFormatException(string reason) : base(reason) => Reason = reason;

    private ProtocolFormatException(string reason, string message) : base(message) => Reason = reason;

    /// <summary>What is wrong, without line number or quote.</summary>
    public string Reason { get; }

    /// <summary>The same reason placed at a line, quoting at most <see cref="QuoteLength"/> characters of it.</summary>
    public static ProtocolFormatException AtLine(int lineNumber, string reason, string line) =>
        new(reason, $"line {lineNumber}: {reason}: \"{Quote(line)}\"");

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
