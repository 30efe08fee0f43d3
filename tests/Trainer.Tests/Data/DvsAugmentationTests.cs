using Sweep.Trainer.Data;

namespace Sweep.Trainer.Tests.Data;

public sealed class DvsAugmentationTests
{
    private static FrameStack Ramp() => new([.. Enumerable.Range(1, 2 * 9).Select(i => (float)i)], 1, 2, 3, 3);

    [Fact]
    public void ShiftFlipAndRotateMoveEveryPlaneTheSameWay()
    {
        var shifted = DvsAugmentation.Shift(Ramp(), 1, -1);
        Assert.Equal([0f, 4, 5, 0, 7, 8, 0, 0, 0], shifted.Data[..9]);
        Assert.Equal([0f, 13, 14, 0, 16, 17, 0, 0, 0], shifted.Data[9..]);
        Assert.Equal([3f, 2, 1, 6, 5, 4, 9, 8, 7], DvsAugmentation.FlipHorizontal(Ramp()).Data[..9]);
        // 90° counter-clockwise: the right column becomes the top row.
        Assert.Equal([3f, 6, 9, 2, 5, 8, 1, 4, 7], DvsAugmentation.Rotate(Ramp(), 90).Data[..9]);
    }

    [Fact]
    public void RandomCropIsSeededAndKeepsTheShape()
    {
        var aug = new DvsAugmentation(true, 4, true);
        var frames = new FrameStack([.. Enumerable.Range(0, 2 * 2 * 12 * 12).Select(i => (float)(i % 17))], 2, 2, 12, 12);
        var a = aug.Apply(frames, new Random(5));
        var b = aug.Apply(frames, new Random(5));
        Assert.Equal(frames.Shape, a.Shape);
        Assert.Equal(a.Data, b.Data);
        var differs = Enumerable.Range(0, 20).Any(s => !aug.Apply(frames, new Random(s)).Data.SequenceEqual(a.Data));
        Assert.True(differs);
    }
}
