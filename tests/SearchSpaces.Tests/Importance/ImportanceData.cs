using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Importance;

namespace Sweep.SearchSpaces.Tests.Importance;

/// <summary>Seeded uniform samples of a search space scored by a known function, for the importance tests.</summary>
internal static class ImportanceData
{
    /// <summary>x1, x2, x3 in [0, 1]: f = 10·x1 + 3·x2 + 0.3·x3 + noise, so the importance order is x1, x2, x3.</summary>
    public static readonly IReadOnlyDictionary<string, Distribution> Linear = new Dictionary<string, Distribution>
    {
        ["x1"] = new FloatDistribution(0, 1), ["x2"] = new FloatDistribution(0, 1), ["x3"] = new FloatDistribution(0, 1),
    };

    /// <summary>Every kind of distribution: log float, stepped float, int, log int, categorical.</summary>
    public static readonly IReadOnlyDictionary<string, Distribution> Mixed = new Dictionary<string, Distribution>
    {
        ["lr"] = new FloatDistribution(1e-4, 1, log: true),
        ["dropout"] = new FloatDistribution(0, 0.5, step: 0.1),
        ["layers"] = new IntDistribution(1, 6),
        ["units"] = new IntDistribution(8, 512, log: true),
        ["optimizer"] = new CategoricalDistribution(["sgd", "adam", "rmsprop"]),
    };

    public static double LinearObjective(IReadOnlyDictionary<string, double> p, Random noise) =>
        10 * p["x1"] + 3 * p["x2"] + 0.3 * p["x3"] + 0.05 * (noise.NextDouble() - 0.5);

    public static double MixedObjective(IReadOnlyDictionary<string, double> p, Random noise) =>
        4 * Math.Abs(Math.Log10(p["lr"]) + 2) + 2 * p["dropout"] + 0.8 * Math.Abs(p["layers"] - 3)
        + new[] { 3.0, 0.0, 1.0 }[(int)p["optimizer"]] + 0.01 * Math.Log2(p["units"]) + 0.1 * noise.NextDouble();

    public static List<ImportanceSample> Draw(IReadOnlyDictionary<string, Distribution> space, int count, int seed,
                                              Func<IReadOnlyDictionary<string, double>, Random, double> objective)
    {
        var rng = new Random(seed);
        var samples = new List<ImportanceSample>();
        for (var i = 0; i < count; i++)
        {
            var p = space.ToDictionary(kv => kv.Key, kv => Draw(kv.Value, rng));
            samples.Add(new ImportanceSample(p, objective(p, rng)));
        }
        return samples;
    }

    private static double Draw(Distribution d, Random rng) => d switch
    {
        FloatDistribution { Log: true } f => Math.Exp(Math.Log(f.Low) + rng.NextDouble() * (Math.Log(f.High) - Math.Log(f.Low))),
        FloatDistribution { Step: { } s } f => f.Low + s * rng.Next(0, (int)Math.Round((f.High - f.Low) / s) + 1),
        FloatDistribution f => f.Low + rng.NextDouble() * (f.High - f.Low),
        IntDistribution { Log: true } i => Math.Min(i.High, Math.Floor(Math.Exp(Math.Log(i.Low) + rng.NextDouble() * (Math.Log(i.High + 1) - Math.Log(i.Low))))),
        IntDistribution i => i.Low + i.Step * rng.NextInt64(0, (i.High - i.Low) / i.Step + 1),
        CategoricalDistribution c => rng.Next(c.Choices.Length),
        _ => throw new ArgumentException(d.GetType().Name),
    };
}
