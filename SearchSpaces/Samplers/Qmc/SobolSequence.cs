namespace Sweep.SearchSpaces.Samplers.Qmc;

/// <summary>
/// The Sobol sequence with Joe–Kuo direction numbers, 32-bit, in natural index order (each power-of-two prefix
/// is the same point set as in Gray-code order). Scrambling is Matoušek's random linear matrix scramble plus a
/// digital shift, as in SciPy's scrambled Sobol that Optuna's QMCSampler uses: both are linear over GF(2) with
/// an invertible lower-triangular matrix, so every (t, m, s)-net property of the unscrambled points is kept.
/// </summary>
public sealed class SobolSequence : IQmcSequence
{
    private const int Bits = 32;
    private readonly uint[][] _directions;
    private readonly uint[] _shift;

    public SobolSequence(int dimensions, int? scrambleSeed)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"Sobol supports 1 to {MaxDimensions} dimensions.");
        Dimensions = dimensions;
        _directions = [.. Enumerable.Range(0, dimensions).Select(DirectionNumbers)];
        _shift = new uint[dimensions];
        if (scrambleSeed is not { } seed) return;
        var rng = new Random(seed);
        for (var d = 0; d < dimensions; d++)
        {
            var rows = LowerTriangular(rng);
            for (var j = 0; j < Bits; j++) _directions[d][j] = Multiply(rows, _directions[d][j]);
            _shift[d] = (uint)rng.NextInt64(0, 1L << Bits);
        }
    }

    public static int MaxDimensions => JoeKuoDirections.MaxDimensions;

    public int Dimensions { get; }

    public double[] Point(long index)
    {
        if (index < 0 || index >= 1L << Bits)
            throw new ArgumentOutOfRangeException(nameof(index), index, "the 32-bit Sobol sequence has 2^32 points.");
        var point = new double[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            var x = _shift[d];
            var v = _directions[d];
            for (var (j, i) = (0, (ulong)index); i != 0; j++, i >>= 1)
                if ((i & 1) != 0) x ^= v[j];
            point[d] = x / 4294967296.0;
        }
        return point;
    }

    // Bratley–Fox recurrence as Joe and Kuo state it: v_j = v_{j−s} ⊕ (v_{j−s} ≫ s) ⊕ ⨁_k a_k v_{j−k}.
    private static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (var j = 0; j < Bits; j++) v[j] = 1u << (Bits - 1 - j);
            return v;
        }
        var row = JoeKuoDirections.Rows[dimension - 1];
        var s = row.Degree;
        for (var j = 0; j < Bits; j++)
        {
            if (j < s)
            {
                v[j] = row.Initial[j] << (Bits - 1 - j);
                continue;
            }
            var x = v[j - s] ^ (v[j - s] >> s);
            for (var k = 1; k < s; k++)
                if (((row.Coefficients >> (s - 1 - k)) & 1) != 0) x ^= v[j - k];
            v[j] = x;
        }
        return v;
    }

    // Row k (digit k, most significant first) mixes in only more significant digits, with a 1 on the diagonal.
    private static uint[] LowerTriangular(Random rng)
    {
        var rows = new uint[Bits];
        for (var k = 0; k < Bits; k++)
        {
            var above = k == 0 ? 0u : uint.MaxValue << (Bits - k);
            rows[k] = (1u << (Bits - 1 - k)) | ((uint)rng.NextInt64(0, 1L << Bits) & above);
        }
        return rows;
    }

    private static uint Multiply(uint[] rows, uint v)
    {
        var result = 0u;
        for (var k = 0; k < Bits; k++)
            if ((uint.PopCount(rows[k] & v) & 1) != 0) result |= 1u << (Bits - 1 - k);
        return result;
    }
}
