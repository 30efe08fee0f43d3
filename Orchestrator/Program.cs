using System.CommandLine;
using Sweep.Orchestrator.Commands;
using Sweep.Orchestrator.Commands.Sweeps;
using Sweep.Orchestrator.Execution;
using Sweep.Orchestrator.Hosting;
using Sweep.Trainer.Runtime;

// A trial's supervisor: first and fast, before anything else loads.
if (args is [TrialSupervisor.Verb, ..]) return TrialSupervisor.Run(args);

// The verb: the first argument after the global -q / -v.
if (args.SkipWhile(a => a is "-q" or "--quiet" or "-v" or "--verbose").FirstOrDefault() is "train" or "bench-train")
{
    try
    {
        TrainerAllocator.EnsurePreloaded(Console.Error);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"sweep {args.First(a => a is "train" or "bench-train")}: {e.Message}");
        return ExitCodes.Usage;
    }
}

var root = new RootCommand("Sweep: hyperparameter sweeps for spiking networks that learn event-camera vision from RGB.")
{
    CliOptions.Quiet, CliOptions.Verbose,
};
root.Add(StartCommand.Create());
foreach (var c in ReadCommands.Create()) root.Add(c);
root.Add(BestCommand.Create());
root.Add(LogsCommand.Create());
root.Add(ExportCommand.Create());
root.Add(ReportCommand.Create());
foreach (var c in ControlCommands.Create()) root.Add(c);
root.Add(ResumeCommand.Create());
root.Add(SiloCommand.Create());
root.Add(WebCommand.Create());
root.Add(KeyCommand.Create());
root.Add(VersionCommand.Create());
root.Add(InitCommand.Create());
root.Add(ValidateCommand.Create());
root.Add(AskTellCommand.Create());
root.Add(DoctorCommand.Create());
root.Add(TrainCommand.Create());
root.Add(BenchTrainCommand.Create());
root.Add(HelpCommand.Create(root));
var parsed = root.Parse(FormatArguments.Normalize(args));
var usageErrors = CliErrors.Describe(parsed).ToList();
if (usageErrors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    // Every parse error is a usage error: exit 2, the message on stderr, stdout left to data.
    foreach (var line in usageErrors) Console.Error.WriteLine($"sweep: {line}");
    Console.Error.WriteLine("sweep: see `sweep help`, or `sweep help VERB`");
    return ExitCodes.Usage;
}
if (parsed.GetValue(CliOptions.Quiet) && parsed.GetValue(CliOptions.Verbose))
{
    Console.Error.WriteLine("sweep: --quiet and --verbose exclude each other");
    return ExitCodes.Usage;
}
Verbosity.Level = parsed.GetValue(CliOptions.Quiet) ? Microsoft.Extensions.Logging.LogLevel.Error
    : parsed.GetValue(CliOptions.Verbose) ? Microsoft.Extensions.Logging.LogLevel.Debug : null;
// Our own signal handling (System.CommandLine's would block its handler until the verb ends, and forget which signal).
Termination.Watch();
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, Termination.Token);
