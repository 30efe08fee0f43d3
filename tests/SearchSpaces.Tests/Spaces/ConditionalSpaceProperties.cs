using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Grid;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Spaces;

/// <summary>Random conditional spaces: whatever a walk or the grid produces is a configuration the space accepts.</summary>
public sealed class ConditionalSpaceProperties
{
    // A space is drawn from a seed so that parents always come before their children.
    private static readonly Gen<SearchSpace> Spaces =
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from count in Gen.Choose(1, 6)
        select Build(new Random(seed), count);

    [Fact]
    public void Validate_accepts_every_walked_configuration() =>
        Prop.ForAll(Gen.Zip(Spaces, Gen.Choose(0, int.MaxValue - 1)).ToArbitrary(), t =>
        {
            var (space, seed) = t;
            var rng = new Random(seed);
            var config = space.Walk((p, _) => UnitTransform.FromUnit(p.Distribution, rng.NextDouble()));
            return space.Validate(config) is null;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Validate_rejects_a_missing_active_or_an_extra_inactive_parameter() =>
        Prop.ForAll(Gen.Zip(Spaces, Gen.Choose(0, int.MaxValue - 1)).ToArbitrary(), t =>
        {
            var (space, seed) = t;
            var rng = new Random(seed);
            var config = space.Walk((p, _) => UnitTransform.FromUnit(p.Distribution, rng.NextDouble()));
            var missing = config.Keys.All(k => space.Validate(config.Where(kv => kv.Key != k).ToDictionary()) is not null);
            var extra = space.Parameters.Where(p => !config.ContainsKey(p.Name)).All(p =>
                space.Validate(new Dictionary<string, double>(config) { [p.Name] = UnitTransform.FromUnit(p.Distribution, 0) }) is not null);
            return missing && extra;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_grid_is_a_set_of_distinct_valid_configurations() =>
        Prop.ForAll(Spaces.ToArbitrary(), space =>
        {
            var points = new GridPoints(space, new GridOptions { PointsPerFloat = 3, MaxPointsPerAxis = 4 });
            var configs = Enumerable.Range(0, points.Count).Select(points.Config).ToList();
            var keys = configs.Select(c => string.Join(";", c.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value:R}")));
            return configs.All(c => space.Validate(c) is null) && keys.Distinct().Count() == configs.Count
                   && configs.Select((c, i) => points.IndexOf(c) == i).All(ok => ok);
        }).QuickCheckThrowOnFailure();

    private static SearchSpace Build(Random rng, int count)
    {
        var parameters = new List<Parameter>();
        for (var i = 0; i < count; i++)
        {
            Distribution distribution = rng.Next(4) switch
            {
                0 => new FloatDistribution(-1, rng.Next(1, 5), step: rng.Next(2) == 0 ? null : 0.5),
                1 => new IntDistribution(1, rng.Next(1, 40), log: rng.Next(2) == 0),
                _ => new CategoricalDistribution(Enumerable.Range(0, rng.Next(1, 4)).Select(k => (object?)$"c{k}")),
            };
            var parents = parameters.Where(p => p.Distribution is CategoricalDistribution).ToList();
            ParameterCondition? when = null;
            if (parents.Count > 0 && rng.Next(3) > 0)
            {
                var requirements = parents.OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(2, parents.Count) + 1)).ToImmutableDictionary(
                    p => p.Name,
                    p => ((CategoricalDistribution)p.Distribution).Choices.Where(_ => rng.Next(2) == 0).DefaultIfEmpty("c0").ToImmutableArray());
                when = new ParameterCondition(requirements);
            }
            parameters.Add(new Parameter($"p{i}", distribution, when));
        }
        return new SearchSpace(parameters);
    }
}
