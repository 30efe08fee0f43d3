namespace Sweep.Trainer.Runtime;

/// <summary>How to set torch up for this process.</summary>
/// <param name="Threads">Intra-op threads; null keeps libtorch's default (one per core). Trial processes
/// sharing a machine should pass 1.</param>
/// <param name="Device"><c>auto</c> (first visible CUDA device, else cpu), <c>cpu</c>, <c>cuda</c> or
/// <c>cuda:N</c>. N counts the devices CUDA_VISIBLE_DEVICES leaves visible.</param>
public sealed record TorchRuntimeOptions(int? Threads = null, string Device = "auto");
