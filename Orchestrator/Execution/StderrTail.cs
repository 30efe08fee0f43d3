namespace Sweep.Orchestrator.Execution;

/// <summary>Copies a trial's stderr to its log file and keeps the last lines as the failure reason.</summary>
internal sealed class StderrTail
{
    private const int TailLineChars = 2000;
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    public StderrTail(StreamReader stderr, string logPath, int capacity)
    {
        _capacity = capacity;
        Completion = Task.Run(() => PumpAsync(stderr, logPath));
    }

    /// <summary>Completes when stderr is closed (every process of the group has exited).</summary>
    public Task Completion { get; }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines) return [.. _lines];
    }

    private async Task PumpAsync(StreamReader stderr, string logPath)
    {
        await using var log = TrialLogFile.OpenAppend(logPath);
        var lines = new BoundedLineReader(stderr, TrialStdout.MaxLineChars);
        while (await lines.ReadLineAsync() is { Line: { } whole, Truncated: var cut })
        {
            await log.WriteLineAsync(whole);
            // A failure reason quotes the tail: keep it readable even when a program dumps a huge line.
            var line = cut || whole.Length > TailLineChars ? whole[..Math.Min(whole.Length, TailLineChars)] + " …" : whole;
            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > _capacity) _lines.Dequeue();
            }
        }
    }
}
