namespace Sweep.Orchestrator.Execution;

/// <summary>Copies a trial's stderr to its log file and keeps the last lines as the failure reason.</summary>
internal sealed class StderrTail
{
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
        // AutoFlush: the log must be readable while the trial runs and after a crash of the engine.
        await using var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        while (await stderr.ReadLineAsync() is { } line)
        {
            await log.WriteLineAsync(line);
            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > _capacity) _lines.Dequeue();
            }
        }
    }
}
