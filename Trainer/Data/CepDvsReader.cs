namespace Sweep.Trainer.Data;

/// <summary>CEP-DVS sample: a MAT file with vectors x, y, ts, p (p ∈ {−1, +1}, −1 → OFF = 0).</summary>
public static class CepDvsReader
{
    /// <summary>Reads the events of one <c>.mat</c> sample.</summary>
    public static EventStream Read(string path)
    {
        var vars = MatV5Reader.Read(path);
        double[] x = MatV5Reader.Vector(vars, "x", path), y = MatV5Reader.Vector(vars, "y", path),
            ts = MatV5Reader.Vector(vars, "ts", path), p = MatV5Reader.Vector(vars, "p", path);
        if (x.Length != ts.Length || y.Length != ts.Length || p.Length != ts.Length)
            throw new DataFormatException(path, $"event vectors differ in length (x {x.Length}, y {y.Length}, ts {ts.Length}, p {p.Length})");
        if (ts.Length == 0) throw new DataFormatException(path, "contains no events");
        var polarity = new byte[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            polarity[i] = p[i] switch
            {
                1 => 1,
                -1 or 0 => 0,
                _ => throw new DataFormatException(path, $"polarity {p[i]} at event {i} is not -1 or +1"),
            };
        }
        var events = new EventStream([.. x.Select(v => (int)v)], [.. y.Select(v => (int)v)], [.. ts.Select(v => (long)v)], polarity);
        events.Validate(path);
        return events;
    }
}
