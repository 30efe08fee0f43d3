namespace Sweep.Trainer.Runtime;

/// <summary>What this process runs torch with, as reported by <c>sweep doctor</c>.</summary>
public sealed record TorchRuntimeInfo(
    string TorchSharpVersion,
    string LibTorchVersion,
    string Backend,
    string Device,
    bool CudaAvailable,
    int CudaDeviceCount,
    string? CudaVisibleDevices,
    int Threads,
    int InteropThreads,
    string? OmpWaitPolicy,
    string DotNetVersion,
    string NativeDirectory);
