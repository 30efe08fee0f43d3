namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// The home folder (<c>--home DIR</c>, else <c>SWEEP_HOME</c>, else <c>./.sweep</c>): the SQLite state file, trial run folders, the key
/// that lets a process drive its silo, and the address file of a silo serving it. One silo per home at a time (a
/// lock file). Specs, logs and the database may hold secrets: the folder is the owner's alone (0700) and the files
/// Sweep writes in it are 0600, whatever the umask.
/// </summary>
public sealed record SweepHome(string Path)
{
    public const string DefaultPath = ".sweep";

    /// <summary>The variable that names the home when <c>--home</c> is not given.</summary>
    public const string Variable = "SWEEP_HOME";

    /// <summary>Owner read/write (and search for folders): what every file and folder of a home gets.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    public string Database => System.IO.Path.Combine(Path, "sweep.db");
    public string TrialsDirectory => System.IO.Path.Combine(Path, "trials");

    /// <summary>A trial's run folder under a trials root (<c>TRIALS/SWEEP/N</c>): where the runner puts it and the verbs look.</summary>
    public static string TrialDirectory(string trialsDirectory, string sweepId, int number) =>
        System.IO.Path.Combine(trialsDirectory, sweepId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public string SiloFile => System.IO.Path.Combine(Path, "silo.json");
    public string LockFile => System.IO.Path.Combine(Path, "silo.lock");
    public string SiloLog => System.IO.Path.Combine(Path, "silo.log");
    public string KeyFile => System.IO.Path.Combine(Path, "home-key.pfx");

    /// <summary>The one place a home path is chosen: <c>--home</c>, else <c>SWEEP_HOME</c>, else <c>./.sweep</c>; absolute.</summary>
    public static string ResolvePath(string? path) =>
        System.IO.Path.GetFullPath(path ?? (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } env ? env : DefaultPath));

    /// <summary>The home a path names, neither created nor checked (a cluster client's trial folders).</summary>
    public static SweepHome At(string? path) => new(ResolvePath(path));

    /// <summary>For verbs that start work: creates the folder (0700) when missing and makes an existing one the owner's alone.</summary>
    /// <exception cref="UsageException">The path is a file, or the folder cannot be made or entered.</exception>
    public static SweepHome Create(string? path)
    {
        var home = At(path);
        if (File.Exists(home.Path)) throw new UsageException($"--home {home.Path} is a file, not a folder");
        try
        {
            Directory.CreateDirectory(home.Path, OwnerOnlyFolder);
            if ((File.GetUnixFileMode(home.Path) & ~OwnerOnlyFolder) != 0) File.SetUnixFileMode(home.Path, OwnerOnlyFolder);
            home.CreateOwnerOnlyFile(home.Database);    // SQLite gives its -wal and -shm files the database's mode
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"--home {home.Path}: permission denied (choose a folder you own)");
        }
        catch (IOException e)
        {
            throw new UsageException($"--home {home.Path}: {e.Message}");
        }
        return home;
    }

    /// <summary>For verbs that read or control existing sweeps: the folder and its state file must exist.</summary>
    /// <exception cref="UsageException">The folder or its database is missing.</exception>
    public static SweepHome Existing(string? path)
    {
        var home = At(path);
        if (File.Exists(home.Path)) throw new UsageException($"--home {home.Path} is a file, not a folder");
        if (!Directory.Exists(home.Path))
            throw new UsageException($"home directory {home.Path} does not exist (start a sweep there first, or pass --home DIR)");
        if (!File.Exists(home.Database))
            throw new UsageException($"home directory {home.Path} holds no sweeps ({System.IO.Path.GetFileName(home.Database)} is missing)");
        return home;
    }

    /// <summary>Creates an empty file readable by the owner only, unless it exists.</summary>
    public void CreateOwnerOnlyFile(string file)
    {
        if (File.Exists(file)) return;
        try
        {
            using var _ = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Created by another process meanwhile, with the same mode.
        }
    }
}
