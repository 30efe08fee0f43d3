using Sweep.Trainer.Data;
using Sweep.Trainer.Runtime;
using TorchSharp;

namespace Sweep.Trainer.Tests.Data;

public sealed class FrameResizeTests
{
    [Fact]
    public void AlignCornersMapsCornersOntoCorners()
    {
        var src = new FrameStack([0, 1, 2, 3], 1, 1, 2, 2);
        var dst = FrameResize.BilinearAlignCorners(src, 3, 3);
        Assert.Equal([0f, 0.5f, 1f, 1f, 1.5f, 2f, 2f, 2.5f, 3f], dst.Data);
    }

    [Fact]
    public void MatchesTorchInterpolateBilinearAlignCorners()
    {
        TorchRuntime.Initialize();
        using var scope = torch.NewDisposeScope();
        var rng = new Random(3);
        var data = Enumerable.Range(0, 2 * 2 * 5 * 7).Select(_ => (float)rng.NextDouble()).ToArray();
        var ours = FrameResize.BilinearAlignCorners(new FrameStack(data, 2, 2, 5, 7), 4, 9);
        var reference = torch.nn.functional.interpolate(torch.tensor(data, [2, 2, 5, 7]), [4, 9],
            mode: torch.InterpolationMode.Bilinear, align_corners: true).data<float>().ToArray();
        for (var i = 0; i < reference.Length; i++) Assert.Equal(reference[i], ours.Data[i], 5);
    }

    [Fact]
    public void AreaAveragesCoveredCells()
    {
        var src = new FrameStack([.. Enumerable.Range(0, 16).Select(i => (float)i)], 1, 1, 4, 4);
        Assert.Equal([2.5f, 4.5f, 10.5f, 12.5f], FrameResize.Area(src, 2, 2).Data);
    }
}
