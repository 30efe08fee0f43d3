using Sweep.Trainer.Models;
using Sweep.Trainer.Runtime;
using TorchSharp;

namespace Sweep.Trainer.Tests.Models;

/// <summary>Counts as the authors print them: every parameter, frozen node threshold/α included.</summary>
[Collection(TorchCollection.Name)]
public sealed class ParameterCountTests
{
    public ParameterCountTests() => TorchRuntime.Initialize();

    private static long Count(torch.nn.Module m) => m.parameters().Sum(p => p.numel());

    [Fact]
    public void VggSnnHasTheAuthorsPrintedCount()
    {
        using var m = VggSnn.Create(numClasses: 101, timeSteps: 10);
        // 9,217,152 conv + 5,504 BN + 2×465,509 heads + 10 η + 8 nodes × {threshold, α}.
        Assert.Equal(10_153_700, Count(m));
        Assert.Equal(16, m.Nodes.Sum(n => n.parameters().Count()));
        Assert.Equal(4608, m.FeatureDim);
        Assert.Equal(18_432, m.CkaDim);
    }

    [Fact]
    public void SpikingResNet18MatchesTheCountComputedFromTheCode()
    {
        using var m = SpikingResNet18.Create(numClasses: 20, timeSteps: 6);
        // 11,158,656 conv + 8,704 BN + 2×10,260 heads + 6 η + 19 nodes × 2.
        Assert.Equal(11_187_924, Count(m));
        Assert.Equal(19, m.Nodes.Count());
    }

    [Fact]
    public void ScnnMatchesTheCountComputedFromTheCode()
    {
        using var m = Scnn.Create(numClasses: 1623, timeSteps: 12);
        Assert.Equal(696_591, Count(m));
    }

    [Fact]
    public void AnnResNet18MatchesTorchvisionAndTheSmallStemVariant()
    {
        using var imagenet = AnnResNet18.Create(numClasses: 1000, frameSize: 224);
        Assert.False(imagenet.SmallStem);
        Assert.Equal(11_689_512, Count(imagenet));
        // 48 px: 3×3 stem (1,728 instead of 9,408) and a 101-way head.
        using var small = AnnResNet18.Create(numClasses: 101, frameSize: 48);
        Assert.True(small.SmallStem);
        Assert.Equal(11_689_512 - 9_408 + 1_728 - 513_000 + 51_813, Count(small));
    }

    [Fact]
    public void CoefficientCountFollowsTimeStepsAndFramesAdaptTheHead()
    {
        using var m = VggSnn.Create(numClasses: 7, timeSteps: 4, height: 64, width: 32);
        Assert.Equal(4, m.Coefficients.numel());
        Assert.Equal(512 * 4 * 2, m.FeatureDim);
        Assert.Equal(10_153_700 - 10 + 4 - 2 * 465_509 + 2 * (4096 * 7 + 7), Count(m));
    }
}
