using Sweep.Trainer.Data;

namespace Sweep.Trainer.Tests.Data;

public sealed class EventFramerTests
{
    [Fact]
    public void BinsLikeTonicToFrameWithTimeBins()
    {
        // t = 0..40, T = 2 → width ⌊40/2⌋ = 20: bins [0,20) and [20,40); the event at 40 is dropped.
        var events = new EventStream([0, 2, 2, 1, 0], [0, 1, 1, 0, 1], [0, 10, 20, 30, 40], [1, 0, 0, 1, 1]);
        var f = EventFramer.ToFrames(events, 2);
        Assert.Equal((2, 2, 2, 3), (f.Steps, f.Channels, f.Height, f.Width));
        Assert.Equal(1f, f[0, 1, 0, 0]);
        Assert.Equal(1f, f[0, 0, 1, 2]);
        Assert.Equal(1f, f[1, 0, 1, 2]);
        Assert.Equal(1f, f[1, 1, 0, 1]);
        Assert.Equal(4f, f.Data.Sum());
        Assert.Equal(0f, f[1, 1, 1, 0]); // the dropped last event
    }

    [Fact]
    public void CountsAccumulateAndZeroSpanGivesEmptyFrames()
    {
        var same = new EventStream([1, 1, 1], [0, 0, 0], [0, 3, 9], [1, 1, 1]);
        Assert.Equal(2f, EventFramer.ToFrames(same, 1)[0, 1, 0, 1]); // width 9: t 0 and 3 counted, 9 dropped
        var flat = new EventStream([1, 2], [0, 0], [5, 5], [1, 0]);
        Assert.All(EventFramer.ToFrames(flat, 3).Data, v => Assert.Equal(0f, v));
    }
}
