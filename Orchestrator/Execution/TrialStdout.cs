using Sweep.Contracts.TrialProtocol;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Reads a trial's stdout: every line to <c>stdout.log</c>, protocol records to the callback, one at a time and
/// awaited; ordinary output (prints, progress bars) only goes to the log. Stops the trial on a protocol error or when
/// the callback returns false, then keeps draining into the log. Once the process has exited, a callback slower than
/// <see cref="StopWaitingAfter"/> allows is left behind: the lines after it (the result above all) are still read.
/// </summary>
internal sealed class TrialStdout(StreamReader stdout, string logPath, Func<ProtocolRecord, ValueTask<bool>> onRecord, Action<string> stop, Action kill)
{
    private readonly TaskCompletionSource _patienceOver = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The longest line a trial may write (1 MiB of characters); a longer one fails the trial.</summary>
    public const int MaxLineChars = 1 << 20;

    /// <summary>The result line, if any; read after <see cref="ReadAsync"/> completed.</summary>
    public ResultRecord? Result { get; private set; }

    /// <summary>The first protocol violation, if any; read after <see cref="ReadAsync"/> completed.</summary>
    public string? ProtocolError { get; private set; }

    /// <summary>Called when the process has exited: its decisions no longer matter, so callbacks are waited for only this long.</summary>
    public void StopWaitingAfter(TimeSpan patience) =>
        _ = Task.Delay(patience, CancellationToken.None).ContinueWith(_ => _patienceOver.TrySetResult(), TaskScheduler.Default);

    public async Task ReadAsync()
    {
        await using var log = TrialLogFile.OpenAppend(logPath);
        var reader = ProtocolReader.Tolerant();
        var lines = new BoundedLineReader(stdout, MaxLineChars);
        var listening = true;
        var calling = true;
        while (await lines.ReadLineAsync() is { Line: { } text, Truncated: var truncated })
        {
            await log.WriteLineAsync(text);
            if (!listening) continue;
            if (truncated)
            {
                ProtocolError = $"line {reader.LineNumber + 1} is longer than {MaxLineChars:N0} characters (protocol lines are short JSON; " +
                                "print large data to a file, and end progress bars with a newline)";
                listening = false;
                stop("protocol error");
                continue;
            }
            ProtocolRecord? record;
            try
            {
                record = reader.Read(text);
            }
            catch (ProtocolFormatException e)
            {
                ProtocolError = e.Message;
                listening = false;
                stop("protocol error");
                continue;
            }
            if (record is null) continue;
            if (record is ResultRecord result) Result = result;
            if (!calling) continue;
            bool keep;
            var call = onRecord(record).AsTask();
            if (await Task.WhenAny(call, _patienceOver.Task) != call)
            {
                // E.g. a report to a sweep whose silo froze: the trial is over, its result line must not wait on it.
                _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                calling = false;
                continue;
            }
            try
            {
                keep = await call;
            }
            catch
            {
                kill();
                throw;
            }
            if (!keep)
            {
                listening = false;
                stop("the engine asked to stop it");
            }
        }
    }
}
