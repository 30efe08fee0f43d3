using Sweep.Trainer.Snn;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Tests.Losses;

[Collection(TorchCollection.Name)]
public sealed class ClassificationLossTests
{
    public ClassificationLossTests() => TorchRuntime.Initialize();

    [Fact]
    public void TetIsTheWeightedMixOfPerStepCeAndMse()
    {
        using var scope = NewDisposeScope();
        var g = new Generator(4);
        var logits = randn(new long[] { 3, 4, 5 }, generator: g, dtype: ScalarType.Float64);
        var y = tensor(new long[] { 0, 4, 2, 2 });
        var w = tensor(new double[] { 0.2, 0.5, 0.9 });
        double expected = 0;
        for (var t = 0; t < 3; t++)
        {
            var ce = functional.cross_entropy(logits[t], y).item<double>();
            var mse = functional.mse_loss(logits[t], ScalarOps.FullLike(logits[t], 0.5)).item<double>();
            expected += w[t].item<double>() * ((1 - 1e-3) * ce + 1e-3 * mse) / 3;
        }
        Assert.Equal(expected, TetLoss.Compute(logits, y, w).item<double>(), 10);
        var unweighted = TetLoss.Compute(logits, y).item<double>();
        Assert.NotEqual(expected, unweighted, 3);
        Assert.Equal(functional.cross_entropy(logits.mean([0]), y).item<double>(), TetLoss.MeanLogitCrossEntropy(logits, y).item<double>(), 12);
    }

    [Fact]
    public void StrWeightsAreSigmoidAndItsComplement()
    {
        using var scope = NewDisposeScope();
        var eta = ones(3, dtype: ScalarType.Float64);
        Assert.Equal(1 / (1 + Math.Exp(-1)), StrWeights.Domain(eta)[0].item<double>(), 12);
        Assert.Equal(1 - 1 / (1 + Math.Exp(-1)), StrWeights.Classification(eta)[2].item<double>(), 12);
    }

    [Fact]
    public void KdIsTemperatureSquaredKlOfTheTimeAveragedStudent()
    {
        using var scope = NewDisposeScope();
        var g = new Generator(5);
        var student = randn(new long[] { 4, 3, 6 }, generator: g, dtype: ScalarType.Float64).requires_grad_(true);
        var teacher = randn(new long[] { 3, 6 }, generator: g, dtype: ScalarType.Float64).requires_grad_(true);
        const double tau = 2.0;
        var pt = teacher.detach().Div(tau).softmax(1).data<double>().ToArray();
        var ps = student.detach().mean([0]).Div(tau).softmax(1).data<double>().ToArray();
        double kl = 0;
        for (var i = 0; i < pt.Length; i++) kl += pt[i] * Math.Log(pt[i] / ps[i]);
        var loss = KdLoss.Compute(student, teacher, tau);
        Assert.Equal(tau * tau * kl / 3, loss.item<double>(), 10);
        loss.backward();
        Assert.Null(teacher.grad);
        Assert.True(student.grad!.abs().sum().item<double>() > 0);
        Assert.Equal(0.0, KdLoss.Compute(teacher.detach().unsqueeze(0).expand(4, 3, 6), teacher, tau).item<double>(), 10);
    }

    [Fact]
    public void MagAndMrpHeadsScoreModalityAndRatio()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(6);
        var features = randn(new long[] { 4, 3, 8 });
        var modality = tensor(new float[,] { { 0, 0, 1 }, { 0, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } });
        foreach (var kind in new[] { MagLossKind.CrossEntropy, MagLossKind.Binary })
        {
            using var mag = new MagHead(8, kind);
            var logits = mag.forward(features);
            Assert.Equal(new long[] { 4, 3, kind == MagLossKind.CrossEntropy ? 2 : 1 }, logits.shape);
            var expected = kind == MagLossKind.CrossEntropy
                ? functional.cross_entropy(logits.flatten(0, 1), modality.flatten().to(ScalarType.Int64))
                : functional.binary_cross_entropy_with_logits(logits.squeeze(-1), modality);
            Assert.Equal(expected.item<float>(), mag.Loss(features, modality).item<float>(), 5);
        }
        using var mrp = new MrpHead(8);
        var ratio = modality.mean([0]);
        var pred = mrp.forward(features).sigmoid();
        Assert.Equal(new long[] { 3 }, pred.shape);
        var mse = pred.sub(ratio).square().mean().item<float>();
        Assert.Equal(mse, mrp.Loss(features, ratio).item<float>(), 5);
        // Shuffling time does not change MRP (it reads the time mean); it does change MAG's targets.
        Assert.Equal(mrp.forward(features).data<float>().ToArray(), mrp.forward(features.flip(0)).data<float>().ToArray(), new FloatTolerance(1e-5f));
    }
}
