using System.Globalization;

namespace Sweep.SearchSpaces.Objectives;

/// <summary>
/// The benchmark functions of shared/bench/hpo/hpo_funcs.py (all minimised; <see cref="Optimum"/> is the global
/// minimum), evaluated on external parameter values. <c>trial.function</c> runs them in process, so the engine can be
/// tested and benchmarked without training.
/// </summary>
public sealed class BenchmarkFunction
{
    private readonly Func<Func<string, double>, Func<string, string>, double> _evaluate;

    private BenchmarkFunction(string name, double optimum, IReadOnlyList<string> parameters,
                              Func<Func<string, double>, Func<string, string>, double> evaluate)
    {
        Name = name;
        Optimum = optimum;
        Parameters = parameters;
        _evaluate = evaluate;
    }

    public string Name { get; }
    public double Optimum { get; }

    /// <summary>The parameter names the function reads.</summary>
    public IReadOnlyList<string> Parameters { get; }

    public static IReadOnlyList<BenchmarkFunction> All { get; } =
    [
        new("branin", 0.39788735772973816, ["x1", "x2"], (n, _) => BenchmarkFormulas.Branin(n("x1"), n("x2"))),
        new("hartmann6", BenchmarkFormulas.Hartmann6Optimum, [.. Enumerable.Range(0, 6).Select(i => $"x{i}")],
            (n, _) => BenchmarkFormulas.Hartmann6([.. Enumerable.Range(0, 6).Select(i => n($"x{i}"))])),
        new("rosenbrock", 0.0, [.. Enumerable.Range(0, 5).Select(i => $"p{i}")],
            (n, _) => BenchmarkFormulas.Rosenbrock([.. Enumerable.Range(0, 5).Select(i => n($"p{i}"))])),
        new("mixed", 0.0, ["x", "lr", "n_layers", "units", "optimizer"],
            (n, s) => BenchmarkFormulas.Mixed(n("x"), n("lr"), n("n_layers"), n("units"), s("optimizer"))),
    ];

    public static BenchmarkFunction Get(string name) =>
        All.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"unknown function '{name}' (known: {string.Join(", ", All.Select(f => f.Name))})");

    /// <summary>Parameter names the function needs that <paramref name="available"/> lacks.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> available)
    {
        var set = available.ToHashSet(StringComparer.Ordinal);
        return [.. Parameters.Where(p => !set.Contains(p))];
    }

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
