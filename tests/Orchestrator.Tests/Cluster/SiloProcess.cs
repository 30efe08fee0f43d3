using System.Diagnostics;
using System.Text;

namespace Sweep.Orchestrator.Tests.Cluster;

/// <summary>
/// A real <c>sweep silo --cluster</c> process in a process group of its own (so it can be frozen as a whole), with
/// its stderr kept for assertions and failure messages.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SiloProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public async Task WaitJoinedAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_joined.Task, exited, Task.Delay(timeout));
        if (done != _joined.Task)
            throw new InvalidOperationException($"silo {Name} did not join within {timeout.TotalSeconds} s{(_process.HasExited ? $" (exited {_process.ExitCode})" : "")}:\n{Tail()}");
    }

    /// <summary>Sends <paramref name="signal"/> to the silo, or to its whole process group (it leads one: see <see cref="ClusterRun"/>).</summary>
    public void Signal(string signal, bool group = false)
    {
        // "kill -STOP -PID" can read the group as an option and signal every process (-1): spell it out, and never below 2.
        Assert.True(Pid > 1);
        var target = (group ? -Pid : Pid).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", ["-s", signal, "--", target]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal} -- {target} failed");
    }

    public async Task<bool> WaitExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Tail(int lines = 25) => string.Join("\n", Log.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        if (!_process.HasExited) Signal("KILL");
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (line.StartsWith("silo ", StringComparison.Ordinal) && line.Contains(" joined cluster ", StringComparison.Ordinal)) _joined.TrySetResult();
    }
}
