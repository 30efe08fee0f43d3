using Sweep.SearchSpaces.Samplers;

namespace Sweep.Orchestrator.Commands;

/// <summary>The options of <c>sweep ask-tell</c>, free of parser types so the mapping can be tested and reused.</summary>
public sealed record AskTellCommandOptions
{
    /// <summary>tpe, random, qmc or grid. Default: tpe.</summary>
    public string Sampler { get; init; } = "tpe";

    /// <summary>none, median, asha or hyperband. Default: none.</summary>
    public string Pruner { get; init; } = "none";

    /// <summary>TPE: one joint kernel per observation. Default: false.</summary>
    public bool Multivariate { get; init; }

    /// <summary>TPE: one model per group of parameters that appear together (needs multivariate). Default: false.</summary>
    public bool Group { get; init; }

    /// <summary>TPE: turn the constant liar off (it is on by default). Default: false.</summary>
    public bool NoConstantLiar { get; init; }

    /// <summary>TPE: random trials before the model is used; null keeps the sampler's default. Default: null.</summary>
    public int? StartupTrials { get; init; }

    /// <summary>TPE: candidates drawn per ask; null keeps the sampler's default. Default: null.</summary>
    public int? Candidates { get; init; }

    /// <summary>TPE: what the model learns from, final or rungs (needs --pruner asha or hyperband). Default: final.</summary>
    public string Fidelity { get; init; } = "final";

    /// <summary>TPE: exactly Optuna 3.1's TPESampler defaults (constant liar off), for like-for-like benchmarks. Default: false.</summary>
    public bool Optuna31 { get; init; }

    /// <summary>A usage error naming the flag, or null when the combination is valid.</summary>
    public string? Validate()
    {
        var tpeFlag = Optuna31 ? "--optuna31" : Multivariate ? "--multivariate" : Group ? "--group"
            : NoConstantLiar ? "--no-constant-liar" : StartupTrials is not null ? "--startup-trials"
            : Candidates is not null ? "--candidates" : Fidelity != "final" ? "--fidelity" : null;
        if (tpeFlag is not null && Sampler != "tpe")
            return $"{tpeFlag} applies only to --sampler tpe (got --sampler {Sampler})";
        if (Optuna31 && (Multivariate || Group || NoConstantLiar || StartupTrials is not null || Candidates is not null || Fidelity != "final"))
            return "--optuna31 is an exact preset; it cannot be combined with --multivariate, --group, --no-constant-liar, --startup-trials, --candidates or --fidelity";
        if (Group && !Multivariate) return "--group requires --multivariate";
        if (Fidelity is not ("final" or "rungs")) return $"--fidelity must be final or rungs (got {Fidelity})";
        if (Fidelity == "rungs" && Pruner is not ("asha" or "hyperband"))
            return $"--fidelity rungs models the pruner's rungs; it needs --pruner asha or hyperband (got --pruner {Pruner})";
        if (StartupTrials is < 0) return $"--startup-trials must be >= 0 (got {StartupTrials})";
        if (Candidates is < 1) return $"--candidates must be >= 1 (got {Candidates})";
        return null;
    }

    /// <summary>The TPE options for one run; <paramref name="seed"/> is the <c>init</c> seed.</summary>
    public TpeOptions ToTpeOptions(int? seed)
    {
        // TpeOptions' defaults are Optuna 3.1's except the constant liar, so the preset only turns that off.
        if (Optuna31) return new TpeOptions { Seed = seed, ConstantLiar = false };
        var options = new TpeOptions
        {
            Seed = seed, Multivariate = Multivariate, Group = Group, ConstantLiar = !NoConstantLiar,
            Fidelity = Fidelity == "rungs" ? TpeFidelity.Rungs : TpeFidelity.Final,
        };
        if (StartupTrials is { } startup) options = options with { StartupTrials = startup };
        if (Candidates is { } candidates) options = options with { Candidates = candidates };
        return options;
    }
}
