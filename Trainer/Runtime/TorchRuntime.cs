using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Sweep.Trainer.Runtime;

/// <summary>
/// The one entry point that sets torch up for a process: OMP_WAIT_POLICY, the GLIBCXX patch check,
/// thread count and device. Call it before any other torch use; everything torch-facing sits in
/// NoInlining methods so the JIT cannot load the natives before the environment is set.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool prepared;

    /// <summary>Sets torch up (idempotent; a later call re-applies the thread count) and reports it.</summary>
    public static TorchRuntimeInfo Initialize(TorchRuntimeOptions? options = null)
    {
        options ??= new TorchRuntimeOptions();
        lock (Gate)
        {
            if (!prepared)
            {
                // libgomp reads this once, when libtorch loads; its default active spin-wait burns
                // 5-8x the CPU when cores are shared (docs/stack.md §6).
                NativeEnvironment.SetDefault("OMP_WAIT_POLICY", "PASSIVE");
                TorchNativeLibrary.EnsurePatched();
                TorchNativeLibrary.Preload();
                prepared = true;
            }
            return Configure(options);
        }
    }

    /// <summary>The device string for a request, given what CUDA reports.</summary>
    public static string SelectDevice(string requested, bool cudaAvailable, int cudaDeviceCount)
    {
        var r = requested.Trim().ToLowerInvariant();
        if (r == "cpu") return "cpu";
        if (r == "auto") return cudaAvailable && cudaDeviceCount > 0 ? "cuda:0" : "cpu";
        if (r != "cuda" && !r.StartsWith("cuda:", StringComparison.Ordinal))
            throw new ArgumentException($"unknown device '{requested}' (expected auto, cpu, cuda or cuda:N)", nameof(requested));
        if (!cudaAvailable || cudaDeviceCount == 0)
            throw new InvalidOperationException($"device '{requested}' requested but CUDA is not available (CPU libtorch build, no driver, or CUDA_VISIBLE_DEVICES hides every device)");
        if (r == "cuda") return "cuda:0";
        if (!int.TryParse(r.AsSpan(5), out var index) || index < 0)
            throw new ArgumentException($"bad device index in '{requested}'", nameof(requested));
        if (index >= cudaDeviceCount)
            throw new InvalidOperationException($"device '{requested}' requested but only {cudaDeviceCount} CUDA device(s) are visible");
        return $"cuda:{index}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TorchRuntimeInfo Configure(TorchRuntimeOptions options)
    {
        if (options.Threads is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(options.Threads));
            torch.set_num_threads(n);
        }
        var cuda = torch.cuda.is_available();
        var count = cuda ? torch.cuda.device_count() : 0;
        var device = SelectDevice(options.Device, cuda, count);
        var torchSharp = typeof(torch).Assembly;
        return new TorchRuntimeInfo(
            TorchSharpVersion: torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? torchSharp.GetName().Version?.ToString() ?? "unknown",
            LibTorchVersion: torch.__version__,
            Backend: typeof(TorchRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "SweepTorchBackend")?.Value ?? "cpu",
            Device: device,
            CudaAvailable: cuda,
            CudaDeviceCount: count,
            CudaVisibleDevices: NativeEnvironment.Get("CUDA_VISIBLE_DEVICES"),
            Threads: torch.get_num_threads(),
            InteropThreads: torch.get_num_interop_threads(),
            OmpWaitPolicy: NativeEnvironment.Get("OMP_WAIT_POLICY"),
            DotNetVersion: RuntimeInformation.FrameworkDescription,
            NativeDirectory: Path.GetDirectoryName(TorchNativeLibrary.Locate()) ?? AppContext.BaseDirectory);
    }
}
