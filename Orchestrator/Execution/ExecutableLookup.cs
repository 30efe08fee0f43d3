namespace Sweep.Orchestrator.Execution;

/// <summary>Resolves a program the way execvp would, so a missing one fails before anything is started.</summary>
internal static class ExecutableLookup
{
    /// <summary>The full path of <paramref name="name"/>, or null when it is missing or not executable.</summary>
    public static string? Find(string name, string? searchPath)
    {
        if (name.Contains('/'))
            return IsExecutable(name) ? Path.GetFullPath(name) : null;
        foreach (var dir in (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            // An empty PATH entry means the current directory, as for execvp.
            var candidate = Path.Combine(dir.Length == 0 ? "." : dir, name);
            if (IsExecutable(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    private static bool IsExecutable(string path)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows()) return File.Exists(path);
        return File.Exists(path) && (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
