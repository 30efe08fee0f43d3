using System.Text;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Reads lines of a trial's output without ever holding more than <c>maxChars</c> of one: a longer line comes back cut
/// at that length and marked, and its rest is skipped as it streams by, so a program that prints 200 MB without a
/// newline costs the engine a few kilobytes.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;
    private bool _ended;

    /// <summary>The next line without its line break, cut at <c>maxChars</c> when <c>Truncated</c>; null at the end.</summary>
    public async ValueTask<(string? Line, bool Truncated)> ReadLineAsync()
    {
        var line = new StringBuilder();
        var truncated = false;
        while (true)
        {
            if (_position == _length)
            {
                if (_ended) break;
                _length = await reader.ReadAsync(_buffer);
                _position = 0;
                if (_length == 0)
                {
                    _ended = true;
                    break;
                }
            }
            var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            var take = Math.Min(end - _position, maxChars - line.Length);
            line.Append(_buffer, _position, take);
            truncated |= end - _position > take;
            _position = newline < 0 ? _length : newline + 1;
            if (newline >= 0) return (WithoutCarriageReturn(line), truncated);
        }
        return line.Length == 0 && !truncated ? (null, false) : (WithoutCarriageReturn(line), truncated);
    }

    private static string WithoutCarriageReturn(StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
}
