using System.CommandLine;
using System.Reflection;
using Sweep.Orchestrator.AskTell;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// <c>sweep ask-tell</c>: serves the JSON-lines ask/tell protocol (bench/hpo/PROTOCOL.md v1) on stdin/stdout
/// for one study, so drive.py can benchmark Sweep against Optuna. stdout carries protocol lines only.
/// </summary>
public static class AskTellCommand
{
    public static Command Create()
    {
        var sampler = new Option<string>("--sampler") { Description = "Sampler: tpe, random, qmc or grid.", DefaultValueFactory = _ => "tpe" };
        sampler.AcceptOnlyFromAmong("tpe", "random", "qmc", "grid");
        var pruner = new Option<string>("--pruner") { Description = "Pruner: none, median, asha or hyperband.", DefaultValueFactory = _ => "none" };
        pruner.AcceptOnlyFromAmong("none", "median", "asha", "hyperband");
        var multivariate = new Option<bool>("--multivariate") { Description = "TPE: one joint kernel per observation." };
        var group = new Option<bool>("--group") { Description = "TPE: one model per group of parameters that appear together (needs --multivariate)." };
        var noConstantLiar = new Option<bool>("--no-constant-liar") { Description = "TPE: do not treat trials in flight as bad observations." };
        var startupTrials = new Option<int?>("--startup-trials") { Description = "TPE: random trials before the model is used (default 10)." };
        var candidates = new Option<int?>("--candidates") { Description = "TPE: candidates drawn per ask (default 24)." };
        var fidelity = new Option<string>("--fidelity")
        {
            Description = "TPE: final (finished trials) or rungs (while few trials are complete, the values at the pruner's highest rung with enough of them; needs --pruner asha or hyperband).",
            DefaultValueFactory = _ => "final",
        };
        fidelity.AcceptOnlyFromAmong("final", "rungs");
        var optuna31 = new Option<bool>("--optuna31") { Description = "TPE: exactly Optuna 3.1's TPESampler defaults (constant liar off)." };

        var command = new Command("ask-tell", "Serve the JSON-lines ask/tell protocol on stdin/stdout (one study per process; logs on stderr).")
        {
            sampler, pruner, multivariate, group, noConstantLiar, startupTrials, candidates, fidelity, optuna31,
        };
        command.SetAction(pr => Run(new AskTellCommandOptions
        {
            Sampler = pr.GetValue(sampler)!,
            Pruner = pr.GetValue(pruner)!,
            Multivariate = pr.GetValue(multivariate),
            Group = pr.GetValue(group),
            NoConstantLiar = pr.GetValue(noConstantLiar),
            StartupTrials = pr.GetValue(startupTrials),
            Candidates = pr.GetValue(candidates),
            Fidelity = pr.GetValue(fidelity)!,
            Optuna31 = pr.GetValue(optuna31),
        }));
        return command;
    }

    private static int Run(AskTellCommandOptions options)
    {
        var error = options.Validate();
        var configuration = error is null ? AskTellSamplers.TryCreate(options, Impl(), out error) : null;
        if (configuration is null)
        {
            Console.Error.WriteLine($"sweep ask-tell: {error}");
            return ExitCodes.Usage;
        }
        using var input = Console.OpenStandardInput();
        // Buffered so each response leaves in one write; the server flushes after every line.
        using var output = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
        return new AskTellServer(configuration, Console.Error).Run(input, output);
    }

    private static string Impl()
    {
        var version = typeof(AskTellCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+');   // drop the "+<commit>" build metadata
        return "sweep-" + (plus < 0 ? version : version[..plus]);
    }
}
