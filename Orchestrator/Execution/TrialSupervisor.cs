using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// <c>sweep supervise --grace-ms N -- program args</c>: the first process of every trial, owning its whole tree. It is
/// a child subreaper (orphans of the trial, <c>setsid</c> ones included, become its children instead of init's) and,
/// where cgroup v2 is writable, puts the trial in a cgroup of its own. It ends the tree when the trial's program exits,
/// when the engine stops the trial (SIGTERM, then SIGKILL after the grace), and when the silo dies (its parent-death
/// signal is SIGTERM, which it can catch, unlike the program's SIGKILL). Its exit code is the program's.
/// </summary>
internal static class TrialSupervisor
{
    public const string Verb = "supervise";
    private const int PrSetChildSubreaper = 36;

    public static int Run(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        if (separator < 0 || separator == args.Length - 1 || args.Length < 4 || args[1] != "--grace-ms"
            || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var graceMs))
        {
            Console.Error.WriteLine("sweep supervise: usage: sweep supervise --grace-ms N -- program [args...]");
            return ExitCodes.Usage;
        }
        _ = Prctl(PrSetChildSubreaper, 1, 0, 0, 0);
        var self = Environment.ProcessId;
        var parent = ParentOf(self);
        var cgroup = TrialCgroup.TryJoin(self);
        var program = new ProcessStartInfo(args[separator + 1]) { UseShellExecute = false };
        foreach (var a in args.Skip(separator + 2)) program.ArgumentList.Add(a);
        Process child;
        try
        {
            child = Process.Start(program)!;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.Error.WriteLine($"sweep supervise: cannot start {args[separator + 1]}: {e.Message}");
            return 127;
        }
        using var stopping = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;   // the supervisor outlives the signal: it still has a tree to end
            if (ParentOf(self) != parent) EndTree(self, cgroup);   // the silo is gone: end everything now
            else stopping.CancelAfter(graceMs);                      // the engine stops the trial: the group got SIGTERM too
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using (stopping.Token.Register(() => EndTree(self, cgroup)))
            child.WaitForExit();
        var code = child.ExitCode;
        EndTree(self, cgroup);
        cgroup?.Remove();
        return code;
    }

    /// <summary>SIGKILL to every process of the trial but this one: its cgroup, its process group, its descendants.</summary>
    public static void EndTree(int self, TrialCgroup? cgroup)
    {
        cgroup?.KillOthers(self);
        for (var round = 0; round < 50; round++)
        {
            var others = TrialProcessTable.OfTree(self);
            if (others.Count == 0) break;
            foreach (var pid in others) _ = ProcessGroup.TrySignalProcess(pid, ProcessGroup.SigKill);
            Reap();
            Thread.Sleep(round < 5 ? 2 : 20);
        }
        Reap();
    }

    private static int ParentOf(int pid) => TrialProcessTable.Read(pid)?.Parent ?? 0;

    // Orphans that the subreaper inherited are our children now: collect them so none stays a zombie.
    private static void Reap()
    {
        while (WaitPid(-1, IntPtr.Zero, 1 /* WNOHANG */) > 0) { }
    }

    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static extern int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [DllImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static extern int WaitPid(int pid, IntPtr status, int options);
}
