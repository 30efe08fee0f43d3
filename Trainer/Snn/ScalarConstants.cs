using TorchSharp;

namespace Sweep.Trainer.Snn;

/// <summary>
/// Process-lifetime scalars for the hot masked fills. A temporary Scalar is unreachable once its native handle has
/// been read, so a GC during the native call can finalise it mid-call; an intermittent "toFloat" failure inside
/// masked_fill looked exactly like that. Constants that live for the process cannot.
/// </summary>
internal static class ScalarConstants
{
    public static readonly Scalar Zero = 0.0.ToScalar();
    public static readonly Scalar One = 1.0.ToScalar();
}
