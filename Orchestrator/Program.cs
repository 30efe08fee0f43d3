using System.CommandLine;
using Sweep.Orchestrator.Commands;

var root = new RootCommand("Sweep: hyperparameter sweeps for spiking networks that learn event-camera vision from RGB.");
root.Add(VersionCommand.Create());
root.Add(ValidateCommand.Create());
root.Add(AskTellCommand.Create());
root.Add(DoctorCommand.Create());
root.Add(TrainCommand.Create());
return await root.Parse(args).InvokeAsync();
