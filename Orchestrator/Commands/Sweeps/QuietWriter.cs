using System.Text;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// stderr under <c>-q</c> for verbs whose progress and errors share one writer: keeps only the last few lines, which
/// <see cref="Replay"/> writes out when the verb fails (they say why), and drops them when it succeeds.
/// </summary>
internal sealed class QuietWriter : TextWriter
{
    private const int Kept = 5;

    /// <summary>The terminal's erase-line code a redrawn progress line starts with.</summary>
    private const string EraseLine = "\u001b[2K";
    private readonly Queue<string> _lines = new();
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        switch (value)
        {
            case '\n':
                _lines.Enqueue(_line.ToString());
                if (_lines.Count > Kept) _lines.Dequeue();
                _line.Clear();
                break;
            case '\r':
                _line.Clear();   // a redrawn progress line
                break;
            default:
                _line.Append(value);
                break;
        }
    }

    /// <summary>Writes the kept lines (the verb failed with <paramref name="code"/>) and returns the code.</summary>
    public int Replay(int code, TextWriter error)
    {
        if (code == ExitCodes.Ok) return code;
        foreach (var line in _lines.Append(_line.ToString()).Select(l => l.Replace(EraseLine, "", StringComparison.Ordinal)).Where(l => l.Length > 0))
            error.WriteLine(line);
        return code;
    }
}
