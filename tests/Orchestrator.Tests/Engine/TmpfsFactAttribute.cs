using System.Diagnostics;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>A fact that mounts a small tmpfs (a full disk on demand); reported as skipped where mounting is not allowed.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root, to mount a small tmpfs";
            return;
        }
        var probe = Directory.CreateTempSubdirectory("sweep-tmpfs-probe-").FullName;
        try
        {
            if (!Tmpfs.Mount(probe, "64k")) Skip = "this machine does not allow mounting a tmpfs";
            else Tmpfs.Unmount(probe);
        }
        finally
        {
            Directory.Delete(probe);
        }
    }
}

/// <summary>mount -t tmpfs and umount.</summary>
public static class Tmpfs
{
    public static bool Mount(string folder, string size) => Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", folder);

    public static bool Unmount(string folder) => Run("umount", "-l", folder);

    private static bool Run(string program, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
