using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Starts trial processes from one dedicated thread. Each child runs as
/// <c>setsid setpriv --pdeathsig KILL -- program args</c>: its own process group (killed as a whole), and SIGKILL
/// when its parent goes, even under kill -9. The kernel ties the parent-death signal to the <em>thread</em> that
/// forked, so every fork happens on this launcher's long-lived thread, never on a pool thread that may retire.
/// Disposing the launcher ends that thread and so kills every trial it started.
/// </summary>
public sealed class TrialProcessLauncher : IDisposable
{
    private readonly BlockingCollection<StartRequest> _requests = [];
    private readonly TrialLauncherOptions _options;
    private readonly ILogger _logger;
    private readonly string _setsid;
    private readonly string _setpriv;
    private readonly Thread _thread;

    /// <exception cref="TrialStartException">setsid or setpriv (util-linux) is missing.</exception>
    public TrialProcessLauncher(TrialLauncherOptions? options = null, ILogger<TrialProcessLauncher>? logger = null)
    {
        _options = options ?? new TrialLauncherOptions();
        _options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _setsid = FindTool("setsid");
        _setpriv = FindTool("setpriv");
        _thread = new Thread(Loop) { IsBackground = true, Name = "trial-launcher" };
        _thread.Start();
    }

    /// <summary>The managed id of the thread that forks every trial.</summary>
    public int LauncherThreadId => _thread.ManagedThreadId;

    /// <summary>Queues a start on the launcher thread; completes once the process runs.</summary>
    /// <exception cref="TrialStartException">The program or working directory is missing.</exception>
    public Task<TrialProcess> StartAsync(TrialLaunch launch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_requests.IsAddingCompleted, this);
        // Asynchronous continuations: the caller's code must never run on (or block) the launcher thread.
        var request = new StartRequest(launch, ct, Stopwatch.GetTimestamp(), new(TaskCreationOptions.RunContinuationsAsynchronously));
        _requests.Add(request, CancellationToken.None);
        return request.Completion.Task;
    }

    /// <summary>The full command line a launch runs with, wrapper tools included.</summary>
    public IReadOnlyList<string> CommandLine(TrialLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var env = launch.Environment.TryGetValue("PATH", out var path) ? path : null;
        var program = ExecutableLookup.Find(launch.FileName, env)
            ?? throw new TrialStartException($"Cannot start trial: program '{launch.FileName}' was not found or is not executable.");
        return [_setsid, _setpriv, "--pdeathsig", "KILL", "--", program, .. launch.Arguments];
    }

    /// <summary>Stops taking requests and ends the launcher thread: every child still running gets SIGKILL.</summary>
    public void Dispose()
    {
        if (_requests.IsAddingCompleted) return;
        _requests.CompleteAdding();
        if (Thread.CurrentThread != _thread) _thread.Join();
    }

    private void Loop()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            if (request.Ct.IsCancellationRequested)
            {
                request.Completion.TrySetCanceled(request.Ct);
                continue;
            }
            try
            {
                request.Completion.TrySetResult(Start(request));
            }
            catch (Exception e)
            {
                request.Completion.TrySetException(e);
            }
        }
        _requests.Dispose();
    }

    private TrialProcess Start(StartRequest request)
    {
        var launch = request.Launch;
        var argv = CommandLine(launch);
        if (!Directory.Exists(launch.WorkingDirectory))
            throw new TrialStartException($"Cannot start trial '{launch.FileName}': working directory '{launch.WorkingDirectory}' does not exist.");
        Directory.CreateDirectory(launch.LogDirectory);
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in argv.Skip(1)) info.ArgumentList.Add(arg);
        foreach (var (key, value) in launch.Environment) info.Environment[key] = value;
        // OpenMP's default spin-waiting burns whole cores that sibling trials need.
        info.Environment.TryAdd("OMP_WAIT_POLICY", "PASSIVE");

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            process.Dispose();
            throw new TrialStartException($"Cannot start trial '{launch.FileName}': {e.Message}", e);
        }
        var latency = Stopwatch.GetElapsedTime(request.EnqueuedAt);
        // No stdin for trials: EOF at once instead of a read that blocks forever.
        process.StandardInput.Close();
        TrialExecutionLog.Started(_logger, process.Id, argv[5], latency.TotalMilliseconds);
        return new TrialProcess(process, latency, launch.LogDirectory, _options, _logger);
    }

    private string FindTool(string name) =>
        ExecutableLookup.Find(name, _options.ToolSearchPath)
        ?? throw new TrialStartException($"'{name}' was not found on PATH; trials need it (install util-linux).");

    private sealed record StartRequest(TrialLaunch Launch, CancellationToken Ct, long EnqueuedAt, TaskCompletionSource<TrialProcess> Completion);
}
