using Sweep.Trainer.Runtime;

namespace Sweep.Trainer.Tests.Runtime;

/// <summary>A fact that is reported as skipped, not passed, where torch sees no CUDA device
/// (every CPU build, and these build machines).</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!TorchRuntime.Initialize().CudaAvailable)
            Skip = "CUDA is not available (CPU libtorch build or no visible device)";
    }
}
