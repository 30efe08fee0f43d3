using System.Globalization;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// A cgroup v2 of one trial, below the supervisor's own, where the kernel lets this user make one (root, or a
/// delegated subtree): every process the trial starts stays a member whatever it does to its session or parent, so the
/// supervisor can find and end them all. Where cgroups cannot be made, the supervisor's subreaper and process-table
/// walk do the same job for everything that does not outlive the supervisor.
/// </summary>
internal sealed class TrialCgroup
{
    private readonly string _path;
    private readonly string _parent;

    private TrialCgroup(string path, string parent) => (_path, _parent) = (path, parent);

    /// <summary>Moves <paramref name="self"/> into a new cgroup of its own, or returns null where that is not allowed.</summary>
    public static TrialCgroup? TryJoin(int self)
    {
        try
        {
            var mount = File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' '))
                .FirstOrDefault(f => f.Length > 9 && f[Array.IndexOf(f, "-") + 1] == "cgroup2")?[4];
            var own = File.ReadLines("/proc/self/cgroup").FirstOrDefault(l => l.StartsWith("0::", StringComparison.Ordinal))?[3..];
            if (mount is null || own is null) return null;
            var parent = Path.Join(mount, own);
            var path = Path.Join(parent, $"sweep-trial-{self.ToString(CultureInfo.InvariantCulture)}");
            Directory.CreateDirectory(path);
            try
            {
                File.WriteAllText(Path.Join(path, "cgroup.procs"), self.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Directory.Delete(path);
                return null;
            }
            return new TrialCgroup(path, parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL to every member but <paramref name="self"/>.</summary>
    public void KillOthers(int self)
    {
        foreach (var pid in Members().Where(p => p != self)) _ = ProcessGroup.TrySignalProcess(pid, ProcessGroup.SigKill);
    }

    /// <summary>Leaves the cgroup and removes it (a cgroup goes only when empty).</summary>
    public void Remove()
    {
        try
        {
            File.WriteAllText(Path.Join(_parent, "cgroup.procs"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < 50 && Members().Count > 0; i++) Thread.Sleep(10);
            Directory.Delete(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A member that will not die (uninterruptible sleep) keeps the folder; nothing else to do.
        }
    }

    private List<int> Members()
    {
        try
        {
            return [.. File.ReadLines(Path.Join(_path, "cgroup.procs")).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }
}
