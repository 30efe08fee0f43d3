using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Sweep.Orchestrator.Execution;

/// <summary>Signals a whole process group (a trial runs under setsid, so its group id is its pid) or one process.</summary>
internal static class ProcessGroup
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    private const int Esrch = 3;

    /// <summary>Sends <paramref name="signal"/> to every process of the group; false when none is left.</summary>
    public static bool Signal(int processGroupId, int signal)
    {
        // kill(-1) would signal every process we may signal; kill(0) our own group.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(processGroupId, 1);
        if (Kill(-processGroupId, signal) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno == Esrch ? false : throw new Win32Exception(errno, $"kill(-{processGroupId}, {signal}) failed");
    }

    /// <summary>
    /// Signals the group of a trial whose process has not been reaped yet. Right after the fork, before `setsid` has
    /// run, that group does not exist (kill(-pid) finds nothing) but the process does, and nothing of its tree has
    /// been started: signalling the process itself then reaches everything. The pid cannot be reused while unreaped.
    /// </summary>
    public static bool SignalLive(int processId, int signal)
    {
        if (Signal(processId, signal)) return true;
        if (TrySignalProcess(processId, signal)) return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno == Esrch ? false : throw new Win32Exception(errno, $"kill({processId}, {signal}) failed");
    }

    /// <summary>Sends <paramref name="signal"/> to one process; false when it could not (gone, or not ours).</summary>
    public static bool TrySignalProcess(int processId, int signal) => Kill(processId, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
