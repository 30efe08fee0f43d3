using Sweep.Trainer.Runtime;
using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Snn;

[Collection(TorchCollection.Name)]
public sealed class LifNodeTests
{
    public LifNodeTests() => TorchRuntime.Initialize();

    [Fact]
    public void ChargesFiresAndHardResetsAsBraincog()
    {
        using var scope = NewDisposeScope();
        var node = new LifNode(Surrogate.QGate()) { RecordMembrane = true };
        // One neuron, constant input 0.6: h1 = 0.3 (no spike), h2 = 0.45, h3 = 0.525 (spike, reset to 0), h4 = 0.3.
        var x = ScalarOps.Full(new long[] { 4, 1 }, 0.6);
        var s = node.forward(x);
        Assert.Equal(new float[] { 0, 0, 1, 0 }, s.flatten().data<float>().ToArray());
        Assert.Equal(new double[] { 0.3, 0.45, 0, 0.3 },
            node.TakeMembranes().flatten().to(ScalarType.Float64).data<double>().ToArray(), new ToleranceComparer(1e-6));
    }

    [Fact]
    public void ResetDetachesTheSpikeAndBpttFlowsThroughTheMembrane()
    {
        using var scope = NewDisposeScope();
        // x1 = 0.8 → h1 = 0.4 (no spike); x2 → h2 = 0.2 + x2/2 with x2 = 0.8: h2 = 0.6 (spike).
        // ds2/dx2 = SG'(0.1)·½ = 1.6·½; ds2/dx1 = 1.6·∂h2/∂h1·∂h1/∂x1 = 1.6·¼ (through the membrane).
        var leaf = tensor(new double[] { 0.8, 0.8 }, requires_grad: true);
        var node = new LifNode(Surrogate.QGate());
        var s = node.forward(leaf.view(2, 1));
        s[1].sum().backward();
        var g = leaf.grad!.flatten().data<double>().ToArray();
        Assert.Equal(0.4, g[0], 6);
        Assert.Equal(0.8, g[1], 6);

        // After a spike the reset state carries no gradient: s3 of x = (1.2, 0, 0.9):
        // h1 = 0.6 spikes → mem 0 → h2 = 0 → h3 = 0.45: ds3/dx1 = 0.
        var y = tensor(new double[] { 1.2, 0, 0.9 }, requires_grad: true);
        var node2 = new LifNode(Surrogate.QGate());
        node2.forward(y.view(3, 1))[2].sum().backward();
        var gy = y.grad!.flatten().data<double>().ToArray();
        Assert.Equal(0.0, gy[0], 12);
        Assert.Equal((2 - 4 * 0.05) * 0.5, gy[2], 6);
    }

    [Fact]
    public void SingleStepCallsEqualOneMultiStepCallInValuesAndGradients()
    {
        using var scope = NewDisposeScope();
        var g = new Generator(3);
        var data = randn(new long[] { 5, 3, 4 }, generator: g, dtype: ScalarType.Float64);
        var weight = randn(new long[] { 5, 3, 4 }, generator: g, dtype: ScalarType.Float64);

        var xm = data.clone().requires_grad_(true);
        var multi = new LifNode(Surrogate.Sigmoid());
        var outM = multi.forward(xm);
        outM.mul(weight).sum().backward();

        var xs = data.clone().requires_grad_(true);
        var single = new LifNode(Surrogate.Sigmoid(), stepMode: StepMode.SingleStep);
        var outS = stack(Enumerable.Range(0, 5).Select(t => single.forward(xs[t])).ToArray());
        outS.mul(weight).sum().backward();

        Assert.True(outM.equal(outS).all().item<bool>());
        Assert.True(xm.grad!.allclose(xs.grad!, rtol: 1e-12, atol: 1e-12));
        Assert.True(outM.sum().item<double>() > 0);

        single.Reset();
        var again = single.forward(xs[0].detach());
        Assert.True(again.equal(outS[0]).all().item<bool>());
    }
}
