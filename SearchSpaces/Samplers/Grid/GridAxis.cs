using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Samplers.Grid;

/// <summary>The values the grid sampler tries for one distribution, in ascending internal order, without duplicates.</summary>
public static class GridAxis
{
    /// <summary>
    /// Categoricals: every choice index. Ints and step floats: every grid point, unless there are more than
    /// <see cref="GridOptions.MaxPointsPerAxis"/>; then, like a continuous float, <see cref="GridOptions.PointsPerFloat"/>
    /// evenly spaced points (in log space for log ints) snapped onto the grid. Continuous floats:
    /// <see cref="GridOptions.PointsPerFloat"/> evenly spaced points from low to high, in log space for log floats.
    /// </summary>
    public static double[] Values(Distribution distribution, GridOptions options)
    {
        if (distribution.IsSingle) return [distribution is CategoricalDistribution ? 0 : Low(distribution)];
        var discrete = DiscreteCount(distribution);
        if (discrete is { } n && n <= options.MaxPointsPerAxis)
            return distribution switch
            {
                CategoricalDistribution => [.. Enumerable.Range(0, (int)n).Select(i => (double)i)],
                IntDistribution i => [.. Enumerable.Range(0, (int)n).Select(k => (double)(i.Low + k * i.Step))],
                FloatDistribution f => [.. Enumerable.Range(0, (int)n).Select(k => k == n - 1 ? f.High : f.Low + k * f.Step!.Value)],
                _ => throw new ArgumentException($"unknown distribution {distribution.GetType().Name}"),
            };
        return Spread(distribution, options.PointsPerFloat);
    }

    /// <summary>Number of values of a discrete domain (null for continuous floats).</summary>
    public static double? DiscreteCount(Distribution distribution) => distribution switch
    {
        CategoricalDistribution c => c.Choices.Length,
        IntDistribution i => (double)((i.High - i.Low) / i.Step) + 1,
        FloatDistribution { Step: { } q } f => Math.Round((f.High - f.Low) / q) + 1,
        _ => null,
    };

    // Evenly spaced on the transformed scale with both ends included; discrete snapping can merge neighbours.
    private static double[] Spread(Distribution distribution, int points)
    {
        var values = new SortedSet<double>();
        for (var k = 0; k < points; k++)
            values.Add(k == 0 ? Low(distribution) : k == points - 1 ? High(distribution) : Inner(distribution, (double)k / (points - 1)));
        return [.. values];
    }

    // Ends by formula rather than through the transform, whose q/2 margins would not put u=0 on low for a log int.
    private static double Inner(Distribution distribution, double u) => distribution switch
    {
        FloatDistribution { Step: null, Log: true } f => Math.Clamp(Math.Exp(Math.Log(f.Low) + u * (Math.Log(f.High) - Math.Log(f.Low))), f.Low, f.High),
        FloatDistribution { Step: null } f => f.Low + u * (f.High - f.Low),
        FloatDistribution { Step: { } q } f => Math.Clamp(f.Low + Math.Round(u * (f.High - f.Low) / q) * q, f.Low, f.High),
        IntDistribution { Log: true } i => Math.Clamp(Math.Round(Math.Exp(Math.Log(i.Low) + u * (Math.Log(i.High) - Math.Log(i.Low)))), i.Low, i.High),
        IntDistribution i => i.Low + Math.Round(u * ((i.High - i.Low) / i.Step)) * i.Step,
        _ => throw new ArgumentException($"unknown distribution {distribution.GetType().Name}"),
    };

    private static double Low(Distribution d) => d switch
    {
        FloatDistribution f => f.Low,
        IntDistribution i => i.Low,
        _ => 0,
    };

    private static double High(Distribution d) => d switch
    {
        FloatDistribution f => f.High,
        IntDistribution i => i.High,
        CategoricalDistribution c => c.Choices.Length - 1,
        _ => 0,
    };
}
