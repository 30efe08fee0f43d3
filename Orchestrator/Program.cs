using System.CommandLine;
using Sweep.Orchestrator.Commands;
using Sweep.Orchestrator.Commands.Sweeps;
using Sweep.Trainer.Runtime;

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
root.Add(VersionCommand.Create());
root.Add(ValidateCommand.Create());
root.Add(AskTellCommand.Create());
root.Add(DoctorCommand.Create());
root.Add(TrainCommand.Create());
root.Add(BenchTrainCommand.Create());
return await root.Parse(args).InvokeAsync();
