using Sweep.Trainer.Runtime;
using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Snn;

[Collection(TorchCollection.Name)]
public sealed class SurrogateTests
{
    public SurrogateTests() => TorchRuntime.Initialize();

    public static TheoryData<string> Kinds => ["qgate", "backei", "sigmoid"];

    private static Surrogate Make(string name) => name switch
    {
        "qgate" => Surrogate.QGate(),
        "backei" => Surrogate.BackEIGate(),
        _ => Surrogate.Sigmoid(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void BackwardIsTheFiniteDifferenceDerivativeOfThePrimitive(string name)
    {
        var sg = Make(name);
        using var scope = NewDisposeScope();
        // Points away from the kinks (±1/α for QGate, ±0.5 for BackEI) where a central difference is exact.
        var points = new double[] { -0.9, -0.45, -0.3, -0.1, -0.01, 0.02, 0.2, 0.33, 0.47, 0.8 };
        var x = tensor(points, dtype: ScalarType.Float64, requires_grad: true);
        var threshold = 0.25;
        sg.Spike(x, threshold).sum().backward();
        const double h = 1e-6;
        var d = tensor(points, dtype: ScalarType.Float64).Sub(threshold);
        var fd = sg.Primitive(d.Add(h)).sub(sg.Primitive(d.Sub(h))).Div(2 * h);
        Assert.True(x.grad!.allclose(fd, rtol: 1e-6, atol: 1e-6), $"{name}: {string.Join(",", x.grad!.data<double>().ToArray())} vs {string.Join(",", fd.data<double>().ToArray())}");
        // The gradient is not trivially zero: the tested points hit the support.
        Assert.True(x.grad!.abs().sum().item<double>() > 0.5);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ForwardIsTheStrictHeaviside(string name)
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { -1f, -1e-7f, 0f, 1e-7f, 0.5f, 3f });
        var s = Make(name).Spike(x);
        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 1 }, s.data<float>().ToArray());
        var atThreshold = Make(name).Spike(tensor(new float[] { 0.5f, 0.5000001f }), 0.5);
        Assert.Equal(new float[] { 0, 1 }, atThreshold.data<float>().ToArray());
    }

    [Fact]
    public void DerivativesHaveThePublishedShapes()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 0, 0.25, 0.5, 0.6, -0.49, -0.51 });
        Assert.Equal(new double[] { 2, 1, 0, 0, 2 - 4 * 0.49, 0 },
            Surrogate.Derivative(SurrogateKind.QGate, 2, x).data<double>().ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(new double[] { 1, 1, 0, 0, 1, 0 },
            Surrogate.Derivative(SurrogateKind.BackEI, 1, x).data<double>().ToArray());
        var s = 1 / (1 + Math.Exp(-4 * 0.25));
        Assert.Equal(4 * s * (1 - s), Surrogate.Derivative(SurrogateKind.Sigmoid, 4, x).data<double>()[1], 12);
        Assert.Equal(1.0, Surrogate.Derivative(SurrogateKind.Sigmoid, 4, x).data<double>()[0], 12);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AGivenFiredMaskGivesTheSameSpikesAndGradients(string name)
    {
        // LifNode hands SpikeFunction the x > θ mask it also resets with; the result must not depend on who compared.
        var sg = Make(name);
        using var scope = NewDisposeScope();
        var points = new double[] { -0.9, -0.3, 0.0, 0.2, 0.25, 0.3, 0.6, 1.4 };
        var a = tensor(points, dtype: ScalarType.Float64, requires_grad: true);
        var b = tensor(points, dtype: ScalarType.Float64, requires_grad: true);
        var weights = tensor(new double[] { 1, -2, 3, 0.5, -1, 2, 1.5, -0.5 }, dtype: ScalarType.Float64);
        var own = sg.Spike(a, 0.25);
        var given = SpikeFunction.apply(b, 0.25, sg.Kind, sg.Alpha, b.detach().Gt(0.25));
        Assert.Equal(own.data<double>().ToArray(), given.data<double>().ToArray());
        own.mul(weights).sum().backward();
        given.mul(weights).sum().backward();
        Assert.Equal(a.grad!.data<double>().ToArray(), b.grad!.data<double>().ToArray());
        Assert.True(b.grad!.abs().sum().item<double>() > 0.1, "the tested points hit the surrogate's support");
    }

    [Fact]
    public void DerivativeLeavesItsInputAlone()
    {
        using var scope = NewDisposeScope();
        var values = new double[] { -0.6, -0.1, 0.0, 0.3 };
        var x = tensor(values, dtype: ScalarType.Float64);
        foreach (var kind in new[] { SurrogateKind.QGate, SurrogateKind.BackEI, SurrogateKind.Sigmoid })
            Surrogate.Derivative(kind, 2, x);
        Assert.Equal(values, x.data<double>().ToArray());
    }
}
