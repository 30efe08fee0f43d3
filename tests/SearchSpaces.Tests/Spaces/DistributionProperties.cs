using FsCheck;
using FsCheck.Fluent;
using Sweep.SearchSpaces.Samplers;

namespace Sweep.SearchSpaces.Tests.Spaces;

/// <summary>Encoding properties of single distributions (external ⇄ internal, domain membership).</summary>
public sealed class DistributionProperties
{
    [Fact]
    public void Internal_external_round_trip_holds_on_the_domain() =>
        Prop.ForAll(Gen.Zip(DistributionGens.Any, DistributionGens.Unit).ToArbitrary(), pair =>
        {
            var (d, u) = pair;
            var x = UnitTransform.FromUnit(d, u);
            return d.Contains(x) && d.ToInternal(d.ToExternal(x)) == x;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Int_contains_agrees_with_bounds_step_and_integrality() =>
        Prop.ForAll(DistributionGens.Zip3(DistributionGens.Int, Gen.Choose(-3, 60), Gen.Elements(0.0, 0.5, 1e-7)).ToArbitrary(), t =>
        {
            var (d, k, fraction) = t;
            var v = d.Low + k * (double)d.Step / 3 + fraction;
            var expected = fraction == 0 && v >= d.Low && v <= d.High && ((long)v - d.Low) % d.Step == 0 && v == Math.Floor(v);
            return d.Contains(v) == expected;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Step_float_contains_exactly_the_grid_points_in_bounds() =>
        Prop.ForAll(DistributionGens.Zip3(DistributionGens.Float.Where(f => f.Step is not null), Gen.Choose(-3, 200_003), Gen.Elements(0.0, 0.5, 0.25)).ToArbitrary(), t =>
        {
            var (d, k, offset) = t;
            var q = d.Step!.Value;
            var n = (long)Math.Round((d.High - d.Low) / q);
            var v = d.Low + (k + offset) * q;
            return d.Contains(v) == (offset == 0 && k >= 0 && k <= n);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Continuous_float_contains_exactly_its_closed_interval() =>
        Prop.ForAll(Gen.Zip(DistributionGens.Float.Where(f => f.Step is null), Gen.Choose(-500, 1500)).ToArbitrary(), t =>
        {
            var (d, permille) = t;
            var v = d.Low + permille / 1000.0 * (d.High - d.Low);
            return d.Contains(v) == (v >= d.Low && v <= d.High)
                   && d.Contains(d.Low) && d.Contains(d.High)
                   && !d.Contains(double.NaN) && !d.Contains(double.PositiveInfinity);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Categorical_index_round_trips_and_external_values_are_choices() =>
        Prop.ForAll(DistributionGens.Categorical.ToArbitrary(), c =>
            Enumerable.Range(0, c.Choices.Length).All(i =>
                c.ToInternal(c.ToExternal(i)) == i
                && c.IndexOf(c.ToExternal(i)) == i
                && c.Contains(i))
            && !c.Contains(-1) && !c.Contains(c.Choices.Length) && !c.Contains(0.5))
        .QuickCheckThrowOnFailure();
}
