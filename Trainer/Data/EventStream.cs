namespace Sweep.Trainer.Data;

/// <summary>
/// Decoded events as parallel arrays (struct of arrays keeps 100k-event samples compact).
/// Timestamps in microseconds; polarity 0 = OFF, 1 = ON (channel index in frames).
/// </summary>
public sealed record EventStream(int[] X, int[] Y, long[] T, byte[] P)
{
    /// <summary>Number of events.</summary>
    public int Count => T.Length;

    /// <summary>Checks that the four arrays agree in length and the coordinates are non-negative.</summary>
    public void Validate(string source)
    {
        if (X.Length != T.Length || Y.Length != T.Length || P.Length != T.Length)
            throw new DataFormatException(source, $"event arrays differ in length (x {X.Length}, y {Y.Length}, t {T.Length}, p {P.Length})");
        for (var i = 0; i < T.Length; i++)
        {
            if (X[i] < 0 || Y[i] < 0)
                throw new DataFormatException(source, $"negative coordinate at event {i} (x {X[i]}, y {Y[i]})");
            if (P[i] > 1)
                throw new DataFormatException(source, $"polarity {P[i]} at event {i} is not 0 or 1");
        }
    }

    /// <summary>A copy with min(x) and min(y) subtracted (the N-Caltech101 loaders do this per sample).</summary>
    public EventStream ShiftToOrigin()
    {
        if (Count == 0) return this;
        int minX = X.Min(), minY = Y.Min();
        var x = new int[Count];
        var y = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            x[i] = X[i] - minX;
            y[i] = Y[i] - minY;
        }
        return this with { X = x, Y = y };
    }
}
