using Sweep.Contracts.TrialProtocol;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Reads a trial's stdout: every line to <c>stdout.log</c>, protocol records to the callback, one at a time and
/// awaited; ordinary output (prints, progress bars) only goes to the log. Stops the trial on a protocol error or when
/// the callback returns false, then keeps draining into the log.
/// </summary>
internal sealed class TrialStdout(StreamReader stdout, string logPath, Func<ProtocolRecord, ValueTask<bool>> onRecord, Action<string> stop, Action kill)
{
    /// <summary>The result line, if any; read after <see cref="ReadAsync"/> completed.</summary>
    public ResultRecord? Result { get; private set; }

    /// <summary>The first protocol violation, if any; read after <see cref="ReadAsync"/> completed.</summary>
    public string? ProtocolError { get; private set; }

    public async Task ReadAsync()
    {
        // AutoFlush: the log must be readable while the trial runs and after a crash of the engine.
        await using var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var reader = ProtocolReader.Tolerant();
        var listening = true;
        while (await stdout.ReadLineAsync() is { } text)
        {
            await log.WriteLineAsync(text);
            if (!listening) continue;
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
            bool keep;
            try
            {
                keep = await onRecord(record);
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
