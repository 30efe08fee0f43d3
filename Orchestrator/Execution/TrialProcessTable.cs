using System.Globalization;
using System.Text;

namespace Sweep.Orchestrator.Execution;

/// <summary>What <c>/proc</c> says about the processes of a trial: its tree, and what a dead silo left behind.</summary>
internal static class TrialProcessTable
{
    /// <summary>One process: its parent, process group and start time (clock ticks after boot: with the pid, an identity).</summary>
    public sealed record Entry(int Pid, int Parent, int Group, ulong StartTicks);

    public static Entry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold anything: the fields start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : new Entry(pid, Int(fields[1]), Int(fields[2]), ulong.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;   // gone meanwhile, or not ours to read
        }
    }

    /// <summary>Every live process but <paramref name="root"/> in its process group or below it.</summary>
    public static IReadOnlyList<int> OfTree(int root)
    {
        var all = Pids().Select(Read).OfType<Entry>().ToList();
        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var e in all)
                if (!tree.Contains(e.Pid) && (tree.Contains(e.Parent) || e.Group == root)) grew = tree.Add(e.Pid);
        }
        tree.Remove(root);
        return [.. tree];
    }

    /// <summary>Live processes whose environment names <paramref name="trialDirectory"/> as their SWEEP_TRIAL_DIR.</summary>
    public static IReadOnlyList<int> InTrialFolder(string trialDirectory)
    {
        var marker = Encoding.UTF8.GetBytes($"SWEEP_TRIAL_DIR={trialDirectory}\0");
        var found = new List<int>();
        foreach (var pid in Pids())
        {
            if (pid == Environment.ProcessId) continue;
            try
            {
                var environ = File.ReadAllBytes($"/proc/{pid}/environ");
                if (environ.AsSpan().IndexOf(marker) >= 0 && Read(pid) is not null) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    /// <summary>
    /// Ends what a dead silo left running in a trial's folder (a supervisor killed with it, or a program that escaped
    /// it), so it cannot run beside the next attempt; the number of processes ended.
    /// </summary>
    public static int EndLeftovers(string trialDirectory)
    {
        var ended = 0;
        for (var round = 0; round < 100; round++)
        {
            var left = InTrialFolder(trialDirectory);
            if (left.Count == 0) break;
            foreach (var pid in left) ended += ProcessGroup.TrySignalProcess(pid, ProcessGroup.SigKill) && round == 0 ? 1 : 0;
            Thread.Sleep(20);
        }
        return ended;
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n is not null && n.All(char.IsAsciiDigit))
            .Select(n => int.Parse(n!, CultureInfo.InvariantCulture));

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
