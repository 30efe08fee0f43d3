using System.Globalization;

namespace Sweep.Orchestrator.Functions;

/// <summary>
/// The benchmark functions of <c>trial.function</c> (all minimised; <see cref="Optimum"/> is the global minimum), the
/// same formulas as the search benchmark's driver, evaluated on external parameter values in process, so the engine can
/// be tested and benchmarked without training. Their parameter names are <see cref="TrialFunctions.Parameters"/>.
/// </summary>
public sealed class BenchmarkFunction
{
    private readonly Func<Func<string, double>, Func<string, string>, double> _evaluate;

    private BenchmarkFunction(string name, double optimum, Func<Func<string, double>, Func<string, string>, double> evaluate)
    {
        Name = name;
        Optimum = optimum;
        Parameters = TrialFunctions.Parameters[name];
        _evaluate = evaluate;
    }

    public string Name { get; }
    public double Optimum { get; }

    /// <summary>The parameter names the function reads.</summary>
    public IReadOnlyList<string> Parameters { get; }

    public static IReadOnlyList<BenchmarkFunction> All { get; } =
    [
        new("branin", 0.39788735772973816, (n, _) => BenchmarkFormulas.Branin(n("x1"), n("x2"))),
        new("hartmann6", BenchmarkFormulas.Hartmann6Optimum, (n, _) => BenchmarkFormulas.Hartmann6([.. Enumerable.Range(0, 6).Select(i => n($"x{i}"))])),
        new("rosenbrock", 0.0, (n, _) => BenchmarkFormulas.Rosenbrock([.. Enumerable.Range(0, 5).Select(i => n($"p{i}"))])),
        new("mixed", 0.0, (n, s) => BenchmarkFormulas.Mixed(n("x"), n("lr"), n("n_layers"), n("units"), s("optimizer"))),
        // Branin plus seed noise (what a few epochs of SNN training show between seeds): the trial's seed and the
        // configuration pick a normal draw, so the same configuration on another seed lands elsewhere.
        new("branin-noisy", 0.39788735772973816, (n, s) => BenchmarkFormulas.Branin(n("x1"), n("x2"))
            + BenchmarkFormulas.SeedNoiseScale * BenchmarkFormulas.SeedNoise(n("seed"), s("x1") + "," + s("x2"))),
    ];

    public static BenchmarkFunction Get(string name) =>
        All.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"unknown function '{name}' (known: {string.Join(", ", All.Select(f => f.Name))})");

    /// <summary>The value at external <paramref name="parameters"/> (numbers as double/long, choices as strings).</summary>
    public double Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        object? Get(string key) => parameters.TryGetValue(key, out var v)
            ? v : throw new ArgumentException($"function '{Name}' needs parameter '{key}'");
        double Number(string key) => Get(key) switch
        {
            double d => d,
            long l => l,
            int i => i,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            var other => throw new ArgumentException($"function '{Name}': parameter '{key}' must be a number (got {other ?? "null"})"),
        };
        string Text(string key) => Convert.ToString(Get(key), CultureInfo.InvariantCulture) ?? "null";
        return _evaluate(Number, Text);
    }
}
