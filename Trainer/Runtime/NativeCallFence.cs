using System.Runtime;

namespace Sweep.Trainer.Runtime;

/// <summary>
/// Keeps garbage collections out of TorchSharp's native calls during training. TorchSharp creates temporary
/// <c>Scalar</c>s inside its own methods (every <c>add(Tensor)</c> passes an alpha of 1, BatchNorm and AdamW make
/// several per call); once the native handle has been read nothing references them, so a GC started by another
/// thread (the data prefetcher) can finalise one while libtorch still reads it: intermittent "Unknown scalar type"
/// or "toFloat" failures. A <see cref="Session"/> holds the process in a no-GC region that is renewed only at
/// <see cref="SafePoint"/>s on the training thread, between steps, when no native call is in flight.
/// One session at a time per process (a second training loop waits); nested sessions on one thread share it.
/// </summary>
public static class NativeCallFence
{
    private const long MinBudget = 64L << 20;
    private const long MaxBudget = 1L << 30;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    [ThreadStatic] private static int depth;
    private static long budget = 256L << 20;
    private static long regionStart;
    private static bool regionOpen;

    /// <summary>Regions that ended in a GC before their safe point (budget exceeded); each doubles the budget.</summary>
    public static int BrokenRegions { get; private set; }

    /// <summary>Bytes a region may allocate before a GC ends it.</summary>
    public static long Budget => budget;

    /// <summary>Regions opened so far.</summary>
    public static int RegionsOpened { get; private set; }

    /// <summary>Enters the fence for a training or evaluation loop; dispose on the same thread.</summary>
    public static Session Enter()
    {
        if (depth++ == 0) Gate.Wait();
        return new Session();
    }

    /// <summary>
    /// Call between steps of a loop inside a session, when no torch call is in flight on this thread: renews the
    /// region if it is spent or was broken. Outside a session it does nothing.
    /// </summary>
    public static void SafePoint()
    {
        if (depth > 0) Renew();
    }

    private static void Renew()
    {
        if (regionOpen)
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                if (GC.GetTotalAllocatedBytes() - regionStart < budget / 2) return;
                GC.EndNoGCRegion();
            }
            else
            {
                BrokenRegions++;
                budget = Math.Min(MaxBudget, budget * 2);
            }
            regionOpen = false;
        }
        while (!regionOpen)
        {
            try
            {
                regionOpen = GC.TryStartNoGCRegion(budget);
            }
            catch (ArgumentOutOfRangeException) when (budget > MinBudget)
            {
                budget /= 2;     // larger than this runtime allows
                continue;
            }
            catch (InvalidOperationException)
            {
                return;          // someone else holds a region; nothing to add
            }
            if (!regionOpen) return;
        }
        RegionsOpened++;
        regionStart = GC.GetTotalAllocatedBytes();
    }

    private static void Close()
    {
        if (!regionOpen) return;
        regionOpen = false;
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try { GC.EndNoGCRegion(); }
        catch (InvalidOperationException) { /* a GC ended it first */ }
    }

    /// <summary>A held fence; dispose on the thread that entered.</summary>
    public readonly struct Session : IDisposable
    {
        public void Dispose()
        {
            if (--depth > 0) return;
            Close();
            Gate.Release();
        }
    }
}
