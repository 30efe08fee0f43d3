namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// Splits a byte stream on '\n' without decoding it, so the server sees invalid UTF-8 as it was sent. A line
/// longer than the limit is skipped without being buffered; only its length is reported.
/// </summary>
internal sealed class Utf8LineReader(Stream stream, int maxLineBytes)
{
    private byte[] _buffer = new byte[Math.Min(64 * 1024, maxLineBytes + 1)];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>
    /// The next line without its '\n' (valid until the next call), or false at the end of the input.
    /// <paramref name="tooLongBytes"/> is the length of a skipped over-long line, else 0.
    /// </summary>
    public bool ReadLine(out ReadOnlyMemory<byte> line, out long tooLongBytes)
    {
        tooLongBytes = 0;
        var scanned = 0;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (newline >= 0)
            {
                line = _buffer.AsMemory(_start, newline - _start);
                _start = newline + 1;
                return true;
            }
            scanned = _end - _start;
            if (scanned > maxLineBytes)
            {
                line = ReadOnlyMemory<byte>.Empty;
                tooLongBytes = SkipRestOfLine();
                return true;
            }
            if (_eof)
            {
                line = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                return line.Length > 0;
            }
            Fill();
        }
    }

    /// <summary>Reads more bytes after the pending ones, moving them to the front or growing up to the limit.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 1L));
        var n = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        else _end += n;
    }

    private long SkipRestOfLine()
    {
        long length = _end - _start;
        _start = _end = 0;
        while (!_eof)
        {
            Fill();
            var newline = Array.IndexOf(_buffer, (byte)'\n', 0, _end);
            if (newline >= 0)
            {
                _start = newline + 1;
                return length + newline;
            }
            length += _end;
            _end = 0;
        }
        return length;
    }
}
