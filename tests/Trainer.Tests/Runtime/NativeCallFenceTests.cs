using System.Runtime;
using Sweep.Trainer.Runtime;

namespace Sweep.Trainer.Tests.Runtime;

/// <summary>
/// The fence that keeps GCs (and so TorchSharp Scalar finalisers) out of native calls: inside a session a GC
/// cannot start from another thread's allocations, only at a safe point; outside one it can.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class NativeCallFenceTests
{
    [Fact]
    public void AnotherThreadsAllocationsDoNotStartAGcInsideASession()
    {
        int before, after;
        using (NativeCallFence.Enter())
        {
            NativeCallFence.SafePoint();
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            before = GC.CollectionCount(0);
            RunOnAnotherThread(() => Churn(160 << 20));
            after = GC.CollectionCount(0);
        }
        Assert.Equal(before, after);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void WithoutASessionTheSameAllocationsDoStartGcs()
    {
        NativeCallFence.SafePoint();   // no session: must not open a region
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        var before = GC.CollectionCount(0);
        RunOnAnotherThread(() => Churn(160 << 20));   // the amount the session test allocates
        Assert.True(GC.CollectionCount(0) > before);
    }

    [Fact]
    public void ASafePointRenewsASpentRegionAndNestedSessionsShareOne()
    {
        using (NativeCallFence.Enter())
        {
            NativeCallFence.SafePoint();
            var opened = NativeCallFence.RegionsOpened;
            using (NativeCallFence.Enter())
            {
                NativeCallFence.SafePoint();
                Assert.Equal(opened, NativeCallFence.RegionsOpened);   // not spent yet: kept
            }
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);   // the inner dispose kept it
            Churn(NativeCallFence.Budget / 2 + (16 << 20));                  // past half of the budget
            NativeCallFence.SafePoint();
            Assert.True(NativeCallFence.RegionsOpened > opened, $"budget {NativeCallFence.Budget >> 20} MB, {NativeCallFence.BrokenRegions} broken");
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    private static void RunOnAnotherThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
    }

    private static void Churn(long bytes)
    {
        long sum = 0;
        for (long done = 0; done < bytes; done += 64 << 10) sum += new byte[64 << 10].Length;
        GC.KeepAlive(sum);
    }
}
