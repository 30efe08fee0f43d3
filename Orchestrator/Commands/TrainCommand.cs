using System.CommandLine;
using Sweep.Contracts.Config;
using Sweep.Orchestrator.Output;
using Sweep.Trainer.Training;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// <c>sweep train --config run.yaml [--set key=value ...] [--resume] [--out DIR] [--dry-run [-f json|yaml]]</c>:
/// trains one run and speaks the trial protocol on stdout (JSON lines), logs on stderr. Exit codes in
/// <see cref="ExitCodes"/>. The work is in <see cref="TrainCommandRunner"/>; this file is only the parser.
/// </summary>
public static class TrainCommand
{
    public static Command Create(TrainingMethodCatalog? catalog = null)
    {
        var config = new Option<string?>("--config", "-c") { Description = "Run config (YAML; nested maps or dotted keys)." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a key: --set lr=0.002 (repeatable; applied in order after the file and SWEEP_PARAMS).",
            DefaultValueFactory = _ => [],
        };
        var resume = new Option<bool>("--resume") { Description = "Continue from the last checkpoint in the run's checkpoint folder." };
        var output = new Option<string?>("--out") { Description = "Run folder (same as --set outDir=DIR)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print the resolved config on stdout; train nothing." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Format of the --dry-run config: json or yaml (both load back as a config).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "yaml");
        var listKeys = new Option<bool>("--list-keys") { Description = "Print every run-config key with its default and what it accepts, and exit." };
        var command = new Command("train", "Train one run; stdout carries the trial protocol (JSON lines), logs go to stderr.")
        {
            config, set, resume, output, dryRun, format, listKeys,
        };
        command.SetAction(pr => pr.GetValue(listKeys) ? ListKeys(pr.InvocationConfiguration.Output) : new TrainCommandRunner(pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error,
                                                       catalog ?? TrainingMethodCatalog.BuiltIn)
            .Run(new TrainRequest(pr.GetValue(config), pr.GetValue(set) ?? [], pr.GetValue(resume), pr.GetValue(output),
                                  pr.GetValue(dryRun), pr.GetValue(format) ?? "json",
                                  Environment.GetEnvironmentVariable(Trainer.Config.RunConfigLoader.SweepParamsVariable))));
        return command;
    }

    private static int ListKeys(TextWriter output)
    {
        var table = new TextTable("key", "default", "accepts", "what");
        foreach (var key in ConfigKeys.All)
            table.Add(key.Name, ConfigValueParser.Format(key.Default), key.Expectation, key.Description);
        output.Write(table.ToString());
        return ExitCodes.Ok;
    }
}
