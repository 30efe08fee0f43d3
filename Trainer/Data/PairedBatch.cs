using TorchSharp;

namespace Sweep.Trainer.Data;

/// <summary>
/// One batch as tensors on the consuming thread: <see cref="Dvs"/> float32 [T, B, 2, H, W] (time-major, so
/// Dvs[t] is the step-t input), <see cref="RgbValue"/> float32 [B, 1, H, W] (HSV V; repeat to 2 channels × T
/// for the SNN), <see cref="RgbColour"/> float32 [B, 3, H, W], <see cref="Labels"/> int64 [B]. RGB tensors are
/// null when the split is not paired. Dispose it, or create it inside the step's dispose scope.
/// </summary>
public sealed class PairedBatch : IDisposable
{
    internal PairedBatch(HostBatch host, torch.Device device)
    {
        var b = host.BatchSize;
        Dvs = torch.tensor(host.Dvs, [host.Steps, b, EventFramer.Polarities, host.Size, host.Size], torch.ScalarType.Float32, device);
        if (host.RgbValue is not null) RgbValue = torch.tensor(host.RgbValue, [b, 1, host.Size, host.Size], torch.ScalarType.Float32, device);
        if (host.RgbColour is not null) RgbColour = torch.tensor(host.RgbColour, [b, 3, host.Size, host.Size], torch.ScalarType.Float32, device);
        Labels = torch.tensor(host.Labels, [b], torch.ScalarType.Int64, device);
    }

    /// <summary>float32 [T, B, 2, H, W].</summary>
    public torch.Tensor Dvs { get; }

    /// <summary>float32 [B, 1, H, W] or null.</summary>
    public torch.Tensor? RgbValue { get; }

    /// <summary>float32 [B, 3, H, W] or null.</summary>
    public torch.Tensor? RgbColour { get; }

    /// <summary>int64 [B].</summary>
    public torch.Tensor Labels { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dvs.Dispose();
        RgbValue?.Dispose();
        RgbColour?.Dispose();
        Labels.Dispose();
    }
}
