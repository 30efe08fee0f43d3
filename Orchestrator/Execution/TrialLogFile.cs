using System.Globalization;
using System.Text;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// A trial's <c>stdout.log</c> or <c>stderr.log</c>: appended to, flushed per line (readable while the trial runs and
/// after a crash of the engine), readable by the owner only, and capped: past <see cref="MaxBytes"/> one note says
/// so and the rest of the output is dropped, so a chatty or runaway trial cannot fill the disk.
/// </summary>
internal sealed class TrialLogFile : IAsyncDisposable
{
    /// <summary>The most a log of one trial keeps, over all its attempts.</summary>
    public const long MaxBytes = 64L << 20;

    private readonly StreamWriter _writer;
    private readonly long _maxBytes;
    private long _bytes;
    private bool _capped;

    private TrialLogFile(string path, long maxBytes)
    {
        _maxBytes = maxBytes;
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        _bytes = stream.Length;
        _capped = _bytes >= maxBytes;
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public static TrialLogFile OpenAppend(string path, long maxBytes = MaxBytes) => new(path, maxBytes);

    public async ValueTask WriteLineAsync(string line)
    {
        if (_capped) return;
        var size = Encoding.UTF8.GetByteCount(line) + 1;
        if (_bytes + size > _maxBytes)
        {
            _capped = true;
            await _writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"[sweep] this log reached {_maxBytes:N0} bytes; the rest of the trial's output is not kept"));
            return;
        }
        _bytes += size;
        await _writer.WriteLineAsync(line);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
