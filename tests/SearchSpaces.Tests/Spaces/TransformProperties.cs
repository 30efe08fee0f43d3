using FsCheck;
using FsCheck.Fluent;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Grid;

namespace Sweep.SearchSpaces.Tests.Spaces;

/// <summary>The unit-interval transform (QMC) and the grid axes map into the domain and onto its grid.</summary>
public sealed class TransformProperties
{
    [Fact]
    public void From_unit_lands_in_the_domain_and_is_monotone() =>
        Prop.ForAll(DistributionGens.Zip3(DistributionGens.Any, DistributionGens.Unit, DistributionGens.Unit).ToArbitrary(), t =>
        {
            var (d, u1, u2) = t;
            var (a, b) = (UnitTransform.FromUnit(d, Math.Min(u1, u2)), UnitTransform.FromUnit(d, Math.Max(u1, u2)));
            return d.Contains(a) && d.Contains(b) && a <= b;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Unit_ends_map_to_the_bounds() =>
        Prop.ForAll(DistributionGens.Any.ToArbitrary(), d =>
        {
            var (low, high) = d switch
            {
                FloatDistribution f => (f.Low, f.High),
                IntDistribution i => ((double)i.Low, (double)i.High),
                CategoricalDistribution c => (0.0, c.Choices.Length - 1.0),
                _ => throw new ArgumentException("unknown distribution"),
            };
            return UnitTransform.FromUnit(d, 0) == low && UnitTransform.FromUnit(d, 1) == high;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Discrete_values_survive_to_unit_and_back() =>
        Prop.ForAll(Gen.Zip(Gen.OneOf(DistributionGens.Int.Select(d => (Distribution)d), DistributionGens.Categorical.Select(d => (Distribution)d),
                DistributionGens.Float.Where(f => f.Step is not null).Select(d => (Distribution)d)), DistributionGens.Unit).ToArbitrary(), t =>
        {
            var (d, u) = t;
            var x = UnitTransform.FromUnit(d, u);
            var back = UnitTransform.ToUnit(d, x);
            return back is >= 0 and <= 1 && UnitTransform.FromUnit(d, back) == x;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_top_of_a_step_grid_is_the_high_bound_both_ways()
    {
        // low + k·step misses High by an ulp here; found by the property above.
        var d = new FloatDistribution(-587.35, -561.55, step: 0.1);
        var top = UnitTransform.FromUnit(d, 1);
        Assert.Equal(d.High, top);
        Assert.Equal(top, UnitTransform.FromUnit(d, UnitTransform.ToUnit(d, top)));
    }

    [Fact]
    public void Continuous_values_survive_to_unit_and_back_up_to_rounding() =>
        Prop.ForAll(Gen.Zip(DistributionGens.Float.Where(f => f.Step is null), DistributionGens.Unit).ToArbitrary(), t =>
        {
            var (d, u) = t;
            var x = UnitTransform.FromUnit(d, u);
            var again = UnitTransform.FromUnit(d, UnitTransform.ToUnit(d, x));
            return Math.Abs(again - x) <= 1e-9 * Math.Max(1, Math.Abs(x));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Grid_axes_are_ascending_distinct_in_domain_and_span_the_bounds() =>
        Prop.ForAll(Gen.Zip(DistributionGens.Any, Gen.Choose(2, 9)).ToArbitrary(), t =>
        {
            var (d, points) = t;
            var axis = GridAxis.Values(d, new GridOptions { PointsPerFloat = points, MaxPointsPerAxis = 50 });
            var ascending = axis.Zip(axis.Skip(1)).All(p => p.First < p.Second);
            var spans = d.IsSingle || (axis[0] == UnitTransform.FromUnit(d, 0) && axis[^1] == UnitTransform.FromUnit(d, 1));
            var sized = GridAxis.DiscreteCount(d) is { } n && n <= 50 ? axis.Length == (int)n : axis.Length <= points;
            return axis.Length >= 1 && axis.All(d.Contains) && ascending && spans && sized;
        }).QuickCheckThrowOnFailure();
}
