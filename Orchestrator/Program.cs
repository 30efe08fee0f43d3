using System.CommandLine;
using Sweep.Orchestrator.Commands;
using Sweep.Orchestrator.Commands.Sweeps;
using Sweep.Orchestrator.Execution;
using Sweep.Orchestrator.Hosting;
using Sweep.Trainer.Runtime;

// A trial's supervisor: first and fast, before anything else loads.
if (args is [TrialSupervisor.Verb, ..]) return TrialSupervisor.Run(args);

if (args is ["train" or "bench-train", ..])
{
    try
    {
        TrainerAllocator.EnsurePreloaded(Console.Error);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"sweep {args[0]}: {e.Message}");
        return ExitCodes.Usage;
    }
}

var root = new RootCommand("Sweep: hyperparameter sweeps for spiking networks that learn event-camera vision from RGB.");
root.Add(StartCommand.Create());
foreach (var c in ReadCommands.Create()) root.Add(c);
root.Add(BestCommand.Create());
root.Add(ExportCommand.Create());
foreach (var c in ControlCommands.Create()) root.Add(c);
root.Add(ResumeCommand.Create());
root.Add(SiloCommand.Create());
root.Add(WebCommand.Create());
root.Add(KeyCommand.Create());
root.Add(VersionCommand.Create());
root.Add(ValidateCommand.Create());
root.Add(AskTellCommand.Create());
root.Add(DoctorCommand.Create());
root.Add(TrainCommand.Create());
root.Add(BenchTrainCommand.Create());
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    // Every parse error is a usage error: exit 2, the message on stderr, stdout left to data.
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"sweep: {error.Message}");
    Console.Error.WriteLine("sweep: see `sweep --help`, or `sweep VERB --help`");
    return ExitCodes.Usage;
}
// Our own signal handling (System.CommandLine's would block its handler until the verb ends, and forget which signal).
Termination.Watch();
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, Termination.Token);
