using System.Diagnostics;

namespace Sweep.Orchestrator.Tests.Execution;

/// <summary>Reads /proc to see which processes are still alive; zombies count as dead (only reaping is left).</summary>
internal static class ProcFs
{
    public static bool IsAlive(int pid)
    {
        var stat = Stat(pid);
        return stat is not null && stat.Value.State != 'Z';
    }

    /// <summary>Live processes whose process group is <paramref name="pgid"/>.</summary>
    public static IReadOnlyList<int> GroupMembers(int pgid) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Stat(pid) is { State: not 'Z' } s && s.Pgrp == pgid)];

    /// <summary>Waits for <paramref name="condition"/>: SIGKILL is asynchronous, so death takes a few ms to show.</summary>
    public static bool Eventually(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline) return false;
            Thread.Sleep(10);
        }
        return true;
    }

    private static (char State, int Pgrp)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // comm may contain spaces and parentheses: the fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
