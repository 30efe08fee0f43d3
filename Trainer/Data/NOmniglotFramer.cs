namespace Sweep.Trainer.Data;

/// <summary>
/// KT's N-Omniglot frames: T equal bins of width ⌊(t_last − t_first)/T⌋ with the tail going into the last bin,
/// per-polarity counts on the DAVIS346 sensor (346×260), 'frequency' normalisation (each frame and channel
/// divided by its maximum; the 1/dt factor cancels), crop rows 4:254 and columns 54:304 (250×250).
/// </summary>
public static class NOmniglotFramer
{
    /// <summary>DAVIS346 width.</summary>
    public const int SensorWidth = 346;

    /// <summary>DAVIS346 height.</summary>
    public const int SensorHeight = 260;

    /// <summary>Frames one sample and returns the normalised 250×250 crop.</summary>
    public static FrameStack Frame(EventStream events, int steps)
    {
        const int top = 4, left = 54, side = 250;
        var frames = FrameStack.Zeros(steps, EventFramer.Polarities, side, side);
        if (events.Count == 0) return frames;
        var t0 = events.T[0];
        var width = Math.Max(1, (events.T[^1] - t0) / steps);
        var plane = side * side;
        for (var i = 0; i < events.Count; i++)
        {
            int y = events.Y[i] - top, x = events.X[i] - left;
            if (y < 0 || y >= side || x < 0 || x >= side) continue;
            var bin = (int)Math.Clamp((events.T[i] - t0) / width, 0, steps - 1);
            frames.Data[(bin * EventFramer.Polarities + events.P[i]) * plane + y * side + x] += 1f;
        }
        for (var p = 0; p < frames.Planes; p++)
        {
            var span = frames.Data.AsSpan(p * plane, plane);
            var max = 0f;
            foreach (var v in span) max = Math.Max(max, v);
            if (max > 0) foreach (ref var v in span) v /= max;
        }
        return frames;
    }

    /// <summary>The events of one sample: start ≤ t &lt; end.</summary>
    public static EventStream Slice(EventStream events, long start, long end)
    {
        var keep = Enumerable.Range(0, events.Count).Where(i => events.T[i] >= start && events.T[i] < end).ToArray();
        return new EventStream([.. keep.Select(i => events.X[i])], [.. keep.Select(i => events.Y[i])],
            [.. keep.Select(i => events.T[i])], [.. keep.Select(i => events.P[i])]);
    }
}
