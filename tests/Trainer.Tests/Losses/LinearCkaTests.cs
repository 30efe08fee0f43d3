using Sweep.Trainer.Snn;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Runtime;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Losses;

[Collection(TorchCollection.Name)]
public sealed class LinearCkaTests
{
    public LinearCkaTests() => TorchRuntime.Initialize();

    /// <summary>O(B²D) loops: Gram entries, centring with H = I − 11ᵀ/B, Frobenius products.</summary>
    private static double Naive(double[,] x, double[,] y)
    {
        var b = x.GetLength(0);
        double[,] Gram(double[,] f)
        {
            var g = new double[b, b];
            for (var i = 0; i < b; i++)
                for (var j = 0; j < b; j++)
                    for (var d = 0; d < f.GetLength(1); d++) g[i, j] += f[i, d] * f[j, d];
            var c = new double[b, b];
            for (var i = 0; i < b; i++)
                for (var j = 0; j < b; j++)
                    for (var k = 0; k < b; k++)
                        for (var l = 0; l < b; l++)
                            c[i, j] += ((i == k ? 1 : 0) - 1.0 / b) * g[k, l] * ((l == j ? 1 : 0) - 1.0 / b);
            return c;
        }
        var kc = Gram(x);
        var lc = Gram(y);
        double dot = 0, nk = 0, nl = 0;
        for (var i = 0; i < b; i++)
            for (var j = 0; j < b; j++)
            {
                dot += kc[i, j] * lc[i, j];
                nk += kc[i, j] * kc[i, j];
                nl += lc[i, j] * lc[i, j];
            }
        return dot / (Math.Sqrt(nk) * Math.Sqrt(nl) + 1e-7);
    }

    private static double[,] ToArray(Tensor t)
    {
        var v = t.data<double>().ToArray();
        var r = new double[t.shape[0], t.shape[1]];
        for (var i = 0; i < v.Length; i++) r[i / t.shape[1], i % t.shape[1]] = v[i];
        return r;
    }

    [Fact]
    public void MatchesTheNaiveDefinitionPerStep()
    {
        using var scope = NewDisposeScope();
        var g = new Generator(1);
        var x = randn(new long[] { 3, 5, 7 }, generator: g, dtype: ScalarType.Float64);
        var y = randn(new long[] { 3, 5, 4 }, generator: g, dtype: ScalarType.Float64).add(x[.., .., ..4]);
        var perStep = LinearCka.PerStep(x, y).data<double>().ToArray();
        for (var t = 0; t < 3; t++)
            Assert.Equal(Naive(ToArray(x[t]), ToArray(y[t])), perStep[t], 10);
        Assert.Contains(perStep, v => v > 0.3);
    }

    [Fact]
    public void IsInvariantToOrthogonalMapsAndIsotropicScalingAndOneForIdenticalInputs()
    {
        using var scope = NewDisposeScope();
        var g = new Generator(2);
        var x = randn(new long[] { 6, 8 }, generator: g, dtype: ScalarType.Float64);
        var y = randn(new long[] { 6, 8 }, generator: g, dtype: ScalarType.Float64);
        var (q, _) = linalg.qr(randn(new long[] { 8, 8 }, generator: g, dtype: ScalarType.Float64));
        var reference = LinearCka.Compute(x, y).item<double>();
        Assert.Equal(reference, LinearCka.Compute(x.matmul(q), y).item<double>(), 9);
        Assert.Equal(reference, LinearCka.Compute(x.Mul(7.5), y.Mul(0.2)).item<double>(), 9);
        Assert.Equal(1.0, LinearCka.Compute(x, x).item<double>(), 9);
        Assert.True(reference < 0.99);
    }

    [Fact]
    public void DomainLossWeightsPerStepTermsAndBackpropagatesIntoBothBranches()
    {
        using var scope = NewDisposeScope();
        var g = new Generator(3);
        var a = randn(new long[] { 2, 4, 3, 2 }, generator: g, dtype: ScalarType.Float64).requires_grad_(true);
        var b = randn(new long[] { 2, 4, 3, 2 }, generator: g, dtype: ScalarType.Float64).requires_grad_(true);
        var w = tensor(new double[] { 0.25, 2.0 });
        var cka = LinearCka.PerStep(a, b).detach().abs().data<double>().ToArray();
        var loss = DomainLoss.Compute(a, b, w);
        Assert.Equal((0.25 * (1 - cka[0]) + 2.0 * (1 - cka[1])) / 2, loss.item<double>(), 10);
        loss.backward();
        Assert.True(a.grad!.abs().sum().item<double>() > 0);
        Assert.True(b.grad!.abs().sum().item<double>() > 0);
        Assert.Equal(0.0, DomainLoss.Compute(a, a).item<double>(), 6);
    }
}
