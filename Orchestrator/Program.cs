using System.CommandLine;
using Sweep.Orchestrator.Commands;
using Sweep.Orchestrator.Commands.Sweeps;

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
return await root.Parse(args).InvokeAsync();
