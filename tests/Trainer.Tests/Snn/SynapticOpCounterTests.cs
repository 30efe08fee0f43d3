using Sweep.Trainer.Models;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Snn;

/// <summary>SOPs against hand counts: each non-zero input costs one accumulate per output neuron it reaches.</summary>
[Collection(TorchCollection.Name)]
public sealed class SynapticOpCounterTests
{
    public SynapticOpCounterTests() => TorchRuntime.Initialize(new TorchRuntimeOptions(Threads: 1));

    [Fact]
    public void A_linear_layer_costs_its_width_per_input_spike()
    {
        using var fc = nn.Linear(4, 3);
        using var counter = new SynapticOpCounter([fc]);
        using var x = tensor(new float[] { 1, 0, 1, 0, 0, 0, 0, 1 }, [2, 4]);
        using var _ = fc.call(x);
        // 3 spikes × 3 outputs.
        Assert.Equal(9, counter.Total);
    }

    [Fact]
    public void A_conv_counts_only_the_output_positions_a_spike_reaches()
    {
        using var conv = nn.Conv2d(1, 2, 3, padding: 1, bias: false);
        using var counter = new SynapticOpCounter([conv]);
        // 3×3 map, pad 1: a corner spike reaches the 2×2 outputs around it, the centre spike all 9; × 2 channels.
        using var x = zeros(1, 1, 3, 3);
        x[0, 0, 0, 0] = tensor(1f);
        x[0, 0, 1, 1] = tensor(1f);
        using var _ = conv.call(x);
        Assert.Equal(2 * (4 + 9), counter.Total);
    }

    [Fact]
    public void A_strided_conv_counts_the_windows_that_cover_the_spike()
    {
        using var conv = nn.Conv2d(2, 5, 3, stride: 2, padding: 1, bias: false);
        using var counter = new SynapticOpCounter([conv]);
        // 4×4 → 2×2 outputs centred on rows/cols {0, 2}: a spike at (1,1) is in all 4 windows; one at (3,3) only
        // in the window centred at (2,2). Channel does not matter: every output channel reads all inputs.
        using var x = zeros(1, 2, 4, 4);
        x[0, 0, 1, 1] = tensor(1f);
        x[0, 1, 3, 3] = tensor(0.25f);   // a pooled spike counts like one
        using var _ = conv.call(x);
        Assert.Equal(5 * (4 + 1), counter.Total);
    }

    [Fact]
    public void Paused_counting_and_disposed_counters_add_nothing()
    {
        using var fc = nn.Linear(4, 3);
        using var x = ones(1, 4);
        var counter = new SynapticOpCounter([fc]) { Enabled = false };
        using (fc.call(x)) Assert.Equal(0, counter.Total);
        counter.Enabled = true;
        counter.Dispose();
        using (fc.call(x)) Assert.Equal(0, counter.Total);
    }

    [Fact]
    public void The_scnn_head_costs_node1_spikes_times_the_classes()
    {
        manual_seed(3);
        using var model = Scnn.Create(5, 3, 16, 16, 2, Surrogate.QGate());
        model.eval();
        using var _ = no_grad();
        using var input = rand(new long[] { 3, 2, 2, 16, 16 }).Mul(20);
        // U(±0.1) fc1 weights rarely lift node1 over threshold at this size: make them excitatory.
        model.named_parameters().Single(p => p.name == "fc1.weight").parameter.Fill_(0.1);
        var head = model.Head(BranchHead.B);
        using var counter = new SynapticOpCounter([head]);
        var branch = model.RunBranch(input, BranchHead.B, withCka: false);
        // fc2 reads node1's spikes: the features of the branch, [T,B,300].
        var spikes = branch.Features.NonZero().sum().item<long>();
        Assert.True(spikes > 0, "the input should make node1 fire");
        Assert.Equal(spikes * 5.0, counter.Total);
    }

    [Fact]
    public void Blank_frames_leave_the_convs_silent_and_only_bias_driven_spikes_reach_the_head()
    {
        using var model = Scnn.Create(5, 3, 16, 16, 2, Surrogate.QGate());
        model.eval();
        using var _ = no_grad();
        using var counter = new SynapticOpCounter(model.SynapticLayers);
        // No bias before node_conv1/2: blank frames give no conv spikes, so conv2 and fc1 read zeros; fc1's bias
        // alone may still drive node1, whose spikes fc2 reads.
        var branch = model.RunBranch(zeros(new long[] { 3, 2, 2, 16, 16 }), BranchHead.B, withCka: false);
        Assert.Equal(branch.Features.NonZero().sum().item<long>() * 5.0, counter.Total);
    }
}
