using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Snn;

/// <summary>
/// Counts synaptic operations (SOPs) of the forward passes it watches: in every layer fed by spikes, each non-zero
/// input element costs one accumulate per output neuron it reaches. Linear: nnz(input)·out_features. Conv2d:
/// (out_channels/groups)·Σ conv2d(1[x≠0], ones(1, C_in, k_h, k_w)) with the layer's stride, padding and dilation,
/// i.e. per output position the non-zero inputs of its receptive field: exact at borders and strides, where the
/// usual "spikes × C_out·k²" over-counts. An input after an average pool counts where the pooled value is non-zero
/// (a pooled spike still triggers accumulates). Layers fed by frames or BN features (stems, ResNet heads) are not
/// watched: they are MACs, not SOPs. Hooks run in <c>call()</c>, so they see every step in both step modes.
/// </summary>
public sealed class SynapticOpCounter : IDisposable
{
    private readonly List<Action> _removers = [];

    /// <summary>Watches <paramref name="layers"/> (Conv2d or Linear) until disposed.</summary>
    public SynapticOpCounter(IEnumerable<Module<Tensor, Tensor>> layers)
    {
        foreach (var layer in layers)
        {
            Func<Tensor, double> count = layer switch
            {
                Conv2d conv => x => ConvOps(conv, x),
                Linear linear => x => LinearOps(linear, x),
                _ => throw new ArgumentException($"cannot count synaptic operations of a {layer.GetType().Name}", nameof(layers)),
            };
            var handle = layer.register_forward_pre_hook((_, input) =>
            {
                if (Enabled) Total += count(input);
                return input;
            });
            _removers.Add(handle.remove);
        }
    }

    /// <summary>Counting is paused while false (e.g. during the RGB-input pass of validation).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>SOPs counted so far, summed over every call, step and sample.</summary>
    public double Total { get; private set; }

    public void Dispose()
    {
        foreach (var remove in _removers) remove();
        _removers.Clear();
    }

    private static double LinearOps(Linear layer, Tensor x)
    {
        using var nonZero = x.NonZero();
        using var count = nonZero.sum();
        return count.item<long>() * (double)layer.out_features;
    }

    private static double ConvOps(Conv2d layer, Tensor x)
    {
        if (layer.padding is not { } padding) throw new NotSupportedException("SOP counting needs explicit conv padding");
        using var scope = NewDisposeScope();
        var mask = x.NonZero().to_type(ScalarType.Float64);
        var kernel = ones([1, layer.in_channels, layer.kernel_size[0], layer.kernel_size[1]], ScalarType.Float64, x.device);
        var reach = functional.conv2d(mask, kernel, null, layer.stride, padding, layer.dilation, 1);
        return reach.sum().item<double>() * layer.out_channels / layer.groups;
    }
}
