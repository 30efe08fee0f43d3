using System.Collections.Concurrent;
using System.Diagnostics;
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
    private readonly BlockingCollection<TrialStartRequest> _requests = [];
    private readonly TrialLauncherOptions _options;
    private readonly ILogger _logger;
    private readonly TrialCommandLine _commandLine;
    private readonly Thread _thread;
    private volatile bool _disposed;

    /// <exception cref="TrialStartException">setsid or setpriv (util-linux) is missing.</exception>
    public TrialProcessLauncher(TrialLauncherOptions? options = null, ILogger<TrialProcessLauncher>? logger = null)
    {
        _options = options ?? new TrialLauncherOptions();
        _options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _commandLine = new TrialCommandLine(_options.ToolSearchPath, _options.Supervisor);
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
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Asynchronous continuations: the caller's code must never run on (or block) the launcher thread.
        var request = new TrialStartRequest(launch, ct, Stopwatch.GetTimestamp(), new(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _requests.Add(request, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(TrialProcessLauncher)); // disposed meanwhile
        }
        return request.Completion.Task;
    }

    /// <summary>The full command line a launch runs with, wrapper tools included.</summary>
    /// <exception cref="TrialStartException">The program is missing.</exception>
    public IReadOnlyList<string> CommandLine(TrialLaunch launch) => _commandLine.For(launch);

    /// <summary>Stops taking requests and ends the launcher thread: every child still running gets SIGKILL.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _requests.CompleteAdding();
        _thread.Join();
        _requests.Dispose();
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
            if (_disposed)
            {
                // A child forked now would die with this thread a moment later.
                request.Completion.TrySetException(new ObjectDisposedException(nameof(TrialProcessLauncher)));
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
    }

    private TrialProcess Start(TrialStartRequest request)
    {
        var launch = request.Launch;
        var argv = CommandLine(launch);
        if (!Directory.Exists(launch.WorkingDirectory))
            throw new TrialStartException($"Cannot start trial '{launch.FileName}': working directory '{launch.WorkingDirectory}' does not exist.");
        Directory.CreateDirectory(launch.LogDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var info = TrialStartInfo.Create(argv, launch);
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
        TrialExecutionLog.Started(_logger, process.Id, launch.FileName, latency.TotalMilliseconds);
        return new TrialProcess(process, latency, launch.LogDirectory, launch.StopGrace, _options, _logger);
    }
}
