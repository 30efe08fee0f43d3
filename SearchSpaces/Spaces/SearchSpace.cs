using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Spaces;

/// <summary>
/// An ordered set of parameters. A conditional parameter comes after every parent it names, so one pass in
/// order decides which parameters a configuration has.
/// </summary>
public sealed class SearchSpace
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public SearchSpace(IEnumerable<Parameter> parameters)
    {
        Parameters = [.. parameters];
        for (var i = 0; i < Parameters.Length; i++)
        {
            var p = Parameters[i];
            if (!_index.TryAdd(p.Name, i))
                throw new ArgumentException($"parameter '{p.Name}' is defined twice.");
            if (p.When is null) continue;
            foreach (var parent in p.When.Requirements.Keys)
            {
                if (!_index.TryGetValue(parent, out _))
                    throw new ArgumentException($"parameter '{p.Name}' has a condition on '{parent}', which is not defined before it.");
                if (parent == p.Name)
                    throw new ArgumentException($"parameter '{p.Name}' has a condition on itself.");
            }
        }
    }

    public ImmutableArray<Parameter> Parameters { get; }

    public int Count => Parameters.Length;

    public bool HasConditions => Parameters.Any(p => p.IsConditional);

    public Parameter this[string name] => Parameters[_index[name]];

    public bool TryGet(string name, out Parameter parameter)
    {
        if (_index.TryGetValue(name, out var i)) { parameter = Parameters[i]; return true; }
        parameter = null!;
        return false;
    }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>True when <paramref name="parameter"/> is active given the parameters assigned so far (internal values).</summary>
    public bool IsActive(Parameter parameter, IReadOnlyDictionary<string, double> assigned)
    {
        if (parameter.When is null) return true;
        var external = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parent in parameter.When.Requirements.Keys)
            if (assigned.TryGetValue(parent, out var v))
                external[parent] = this[parent].Distribution.ToExternal(v);
        return parameter.When.IsSatisfied(external);
    }

    /// <summary>
    /// Builds a full configuration in order, asking <paramref name="sample"/> for each parameter that is active
    /// given the ones before it. Samplers that work per parameter use this walk.
    /// </summary>
    public Dictionary<string, double> Walk(Func<Parameter, IReadOnlyDictionary<string, double>, double> sample)
    {
        var assigned = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in Parameters)
            if (IsActive(p, assigned))
                assigned[p.Name] = sample(p, assigned);
        return assigned;
    }

    /// <summary>Internal values to external ones (long for ints, the choice for categoricals), in space order.</summary>
    public IReadOnlyDictionary<string, object?> ToExternal(IReadOnlyDictionary<string, double> internalValues)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in Parameters)
            if (internalValues.TryGetValue(p.Name, out var v))
                result[p.Name] = p.Distribution.ToExternal(v);
        return result;
    }

    /// <summary>Checks that a configuration has exactly the active parameters, each in its domain; null when valid.</summary>
    public string? Validate(IReadOnlyDictionary<string, double> config)
    {
        var seen = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            var active = IsActive(p, seen);
            var present = config.TryGetValue(p.Name, out var v);
            if (active && !present) return $"parameter '{p.Name}' is active but missing";
            if (!active && present) return $"parameter '{p.Name}' is inactive but present";
            if (!present) continue;
            if (!p.Distribution.Contains(v)) return $"parameter '{p.Name}' = {v} is outside its distribution";
            seen[p.Name] = v;
        }
        foreach (var k in config.Keys)
            if (!_index.ContainsKey(k)) return $"parameter '{k}' is not in the search space";
        return null;
    }
}
