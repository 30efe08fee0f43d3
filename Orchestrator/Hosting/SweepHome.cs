namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// The home folder (<c>--home DIR</c>, default <c>./.sweep</c>): the SQLite state file, trial run folders, and the
/// address file of a silo serving it. One silo per home at a time (a lock file).
/// </summary>
public sealed record SweepHome(string Path)
{
    public const string DefaultPath = ".sweep";

    public string Database => System.IO.Path.Combine(Path, "sweep.db");
    public string TrialsDirectory => System.IO.Path.Combine(Path, "trials");
    public string SiloFile => System.IO.Path.Combine(Path, "silo.json");
    public string LockFile => System.IO.Path.Combine(Path, "silo.lock");

    /// <summary>For verbs that start work: creates the folder when missing.</summary>
    public static SweepHome Create(string? path)
    {
        var home = new SweepHome(System.IO.Path.GetFullPath(path ?? DefaultPath));
        Directory.CreateDirectory(home.Path);
        return home;
    }

    /// <summary>For verbs that read or control existing sweeps: the folder and its state file must exist.</summary>
    /// <exception cref="UsageException">The folder or its database is missing.</exception>
    public static SweepHome Existing(string? path)
    {
        var home = new SweepHome(System.IO.Path.GetFullPath(path ?? DefaultPath));
        if (!Directory.Exists(home.Path))
            throw new UsageException($"home directory {home.Path} does not exist (start a sweep there first, or pass --home DIR)");
        if (!File.Exists(home.Database))
            throw new UsageException($"home directory {home.Path} holds no sweeps ({System.IO.Path.GetFileName(home.Database)} is missing)");
        return home;
    }
}
