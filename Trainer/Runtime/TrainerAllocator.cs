using System.Runtime.InteropServices;

namespace Sweep.Trainer.Runtime;

/// <summary>
/// Training processes run on tcmalloc when it is installed (Debian: libtcmalloc-minimal4). libtorch frees and
/// reallocates activation-sized blocks every step; glibc returns the big ones to the kernel (page faults on every
/// step) and fragments the rest, so on glibc VGGSNN trained at half the speed with a peak RSS that crept up each
/// step (BENCHMARKS.md §3). <c>SWEEP_ALLOCATOR=glibc</c> turns it off. The preload must be in place before the
/// process starts, so <c>sweep train</c> re-executes itself once when it is missing.
/// </summary>
public static partial class TrainerAllocator
{
    public const string Variable = "SWEEP_ALLOCATOR";

    private const string Preload = "LD_PRELOAD";

    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4",
        "/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4",
        "/usr/lib64/libtcmalloc_minimal.so.4",
    ];

    /// <summary>The tcmalloc library to preload, or null when SWEEP_ALLOCATOR=glibc or none is installed.</summary>
    /// <exception cref="ArgumentException">SWEEP_ALLOCATOR is neither tcmalloc nor glibc.</exception>
    public static string? Library() => Library(Environment.GetEnvironmentVariable(Variable));

    /// <summary><see cref="Library()"/> for a given SWEEP_ALLOCATOR value.</summary>
    public static string? Library(string? choice) => choice switch
    {
        null or "" or "tcmalloc" => OperatingSystem.IsLinux() ? Candidates.FirstOrDefault(File.Exists) : null,
        "glibc" => null,
        _ => throw new ArgumentException($"{Variable} must be tcmalloc or glibc (got '{choice}')"),
    };

    /// <summary>LD_PRELOAD for a child training process, or null when it needs no change.</summary>
    public static string? PreloadFor(string? current) => PreloadFor(current, Library());

    /// <summary>LD_PRELOAD with <paramref name="library"/> first, or null when it is already there or null.</summary>
    public static string? PreloadFor(string? current, string? library)
    {
        if (library is null || (current ?? "").Split([' ', ':'], StringSplitOptions.RemoveEmptyEntries).Contains(library)) return null;
        return string.IsNullOrEmpty(current) ? library : $"{library}:{current}";
    }

    /// <summary>Whether this process runs on tcmalloc (it is mapped).</summary>
    public static bool Active() =>
        File.Exists("/proc/self/maps") && File.ReadLines("/proc/self/maps").Any(l => l.Contains("libtcmalloc", StringComparison.Ordinal));

    /// <summary>The allocator of this process and of the training processes it starts, for logs and <c>sweep doctor</c>.</summary>
    public static string Describe()
    {
        if (Active()) return "tcmalloc";
        string? library;
        try
        {
            library = Library();
        }
        catch (ArgumentException e)
        {
            return $"glibc malloc ({e.Message})";
        }
        if (library is not null) return $"glibc malloc here, tcmalloc for training ({library})";
        return Environment.GetEnvironmentVariable(Variable) == "glibc"
            ? "glibc malloc (SWEEP_ALLOCATOR=glibc)"
            : "glibc malloc (libtcmalloc-minimal4 is not installed: deploy/install-deps.sh --run)";
    }

    /// <summary>
    /// Re-executes this process with tcmalloc preloaded (same pid, arguments, descriptors and parent-death signal)
    /// when it is wanted and not yet loaded; returns when nothing needs doing or the exec failed.
    /// </summary>
    public static void EnsurePreloaded(TextWriter log)
    {
        var preload = PreloadFor(NativeEnvironment.Get(Preload));
        if (preload is null) return;
        var argv = File.ReadAllText("/proc/self/cmdline").Split('\0');
        var args = argv[^1].Length == 0 ? argv[..^1] : argv;
        NativeEnvironment.Set(Preload, preload);
        var pointers = args.Select(a => Marshal.StringToCoTaskMemUTF8(a)).Append(IntPtr.Zero).ToArray();
        ExecV("/proc/self/exe", pointers);
        // Only reached when exec failed: train on glibc rather than not at all.
        log.WriteLine($"sweep: could not re-execute with tcmalloc (errno {Marshal.GetLastPInvokeError()}); training on glibc malloc");
        foreach (var p in pointers) Marshal.FreeCoTaskMem(p);
    }

    [LibraryImport("libc.so.6", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ExecV(string path, IntPtr[] argv);
}
