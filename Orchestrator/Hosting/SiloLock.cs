namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// The lock that makes a silo the only one serving a home (an exclusive open, which .NET maps to flock on Linux;
/// the kernel drops it when the process dies, even under kill -9).
/// </summary>
public sealed class SiloLock : IDisposable
{
    private readonly FileStream _stream;

    private SiloLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null when another live process holds it.</summary>
    /// <exception cref="UsageException">The lock file belongs to another user.</exception>
    public static SiloLock? TryAcquire(SweepHome home)
    {
        try
        {
            return new SiloLock(new FileStream(home.LockFile, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = SweepHome.OwnerOnly,
            }));
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"{home.LockFile}: permission denied (the home belongs to another user)");
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static bool IsHeld(SweepHome home)
    {
        using var probe = TryAcquire(home);
        return probe is null;
    }

    public void Dispose() => _stream.Dispose();
}
