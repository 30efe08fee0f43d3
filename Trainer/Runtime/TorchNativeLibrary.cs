using System.Runtime.InteropServices;
using Sweep.Build;

namespace Sweep.Trainer.Runtime;

/// <summary>
/// Makes sure the libLibTorchSharp.so this process will load carries the GLIBCXX weak-version patch.
/// Build and publish outputs are patched by MSBuild; an installed .NET tool is not (the tool package is
/// unpacked by `dotnet tool install`), so the first start patches its own copy when it may write it.
/// </summary>
internal static class TorchNativeLibrary
{
    public const string FileName = "libLibTorchSharp.so";

    /// <summary>True once this process had to patch its own copy (the build should have done it).</summary>
    public static bool PatchedAtStartup { get; private set; }

    /// <summary>The glue library next to the app (RID build) or under runtimes/ (RID-less build).</summary>
    public static string? Locate()
    {
        var baseDir = AppContext.BaseDirectory;
        string[] candidates = [Path.Combine(baseDir, FileName), Path.Combine(baseDir, "runtimes", "linux-x64", "native", FileName)];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Patches the located library if it still has a hard GLIBCXX_3.4.32+ need. Throws with a
    /// one-line reason when it needs the patch and cannot be written.</summary>
    public static void EnsurePatched()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Locate();
        if (path is null) return;
        List<(string File, string Version, int FlagsOffset, ushort Flags)> needs;
        try
        {
            needs = GlibcxxVersionPatch.Scan(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
        var pending = needs.Where(n => GlibcxxVersionPatch.IsTooNew(n.Version) && (n.Flags & 0x2) == 0).ToList();
        if (pending.Count == 0) return;
        try
        {
            var weakened = GlibcxxVersionPatch.Weaken(path);
            PatchedAtStartup = true;
            Console.Error.WriteLine($"sweep: patched {path}: weakened {string.Join(", ", weakened)} (one-time, see README 'Build notes')");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InvalidOperationException(
                $"{path} needs {pending[0].Version}, which this libstdc++ may lack, and cannot be patched ({e.Message}); run sweep once as the owner of that file");
        }
    }

    /// <summary>Loads libtorch_cpu and the glue library by path, so a failure surfaces as the loader's own
    /// one-line reason (e.g. a missing GLIBCXX version) instead of TorchSharp's misleading
    /// "doesn't contain a reference to libtorch-cpu" message.</summary>
    public static void Preload()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Without it TorchSharp falls back to copying ~600 MB of natives from the NuGet folder; refuse instead.
        var path = Locate()
            ?? throw new InvalidOperationException($"{FileName} not found in {AppContext.BaseDirectory} (the host project needs RuntimeIdentifier=linux-x64)");
        var torchCpu = Path.Combine(Path.GetDirectoryName(path)!, "libtorch_cpu.so");
        foreach (var library in File.Exists(torchCpu) ? [torchCpu, path] : new[] { path })
        {
            try
            {
                NativeLibrary.Load(library);
            }
            catch (DllNotFoundException e)
            {
                throw new InvalidOperationException(e.Message.ReplaceLineEndings(" "), e);
            }
        }
    }
}
