namespace Sweep.Trainer.Data;

/// <summary>
/// Events → [T, 2, H, W] counts with tonic's ToFrame(sensor_size=None, n_time_bins=T) semantics:
/// H = max(y)+1, W = max(x)+1 (unless a sensor size is given), bins of width ⌊(t_last − t_first)/T⌋
/// starting at t_first (first and last event in stream order), events at or beyond t_first + T·width
/// dropped, channel = polarity. Always 2 channels (tonic infers 1 when a sample has one polarity).
/// </summary>
public static class EventFramer
{
    /// <summary>Polarity channels per frame.</summary>
    public const int Polarities = 2;

    /// <summary>Bins the events; <paramref name="height"/>/<paramref name="width"/> override the inferred size.</summary>
    public static FrameStack ToFrames(EventStream events, int steps, int? height = null, int? width = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (events.Count == 0) throw new ArgumentException("cannot frame an empty event stream", nameof(events));
        var h = height ?? events.Y.Max() + 1;
        var w = width ?? events.X.Max() + 1;
        var frames = FrameStack.Zeros(steps, Polarities, h, w);
        var t0 = events.T[0];
        var binWidth = (events.T[^1] - t0) / steps;
        // tonic's windows are [t0 + k·w, t0 + (k+1)·w): a zero width gives T empty windows.
        if (binWidth <= 0) return frames;
        var plane = h * w;
        for (var i = 0; i < events.Count; i++)
        {
            var dt = events.T[i] - t0;
            if (dt < 0) continue;
            var bin = dt / binWidth;
            if (bin >= steps) continue;
            int x = events.X[i], y = events.Y[i];
            if (x >= w || y >= h) continue;
            frames.Data[((int)bin * Polarities + events.P[i]) * plane + y * w + x] += 1f;
        }
        return frames;
    }
}
