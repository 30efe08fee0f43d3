using System.CommandLine;
using Sweep.Contracts.Text;
using Sweep.Orchestrator.Commands.Init;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// <c>sweep init --method M --dataset D [-o spec.yaml] [--force]</c>: writes a commented starting spec for a method
/// on a dataset (its search space, ASHA on epochs, the papers' defaults enqueued first). No <c>-o</c> or <c>-o -</c>
/// writes to stdout; an existing file is kept unless <c>--force</c>. Unknown names exit 2 with a suggestion.
/// </summary>
public static class InitCommand
{
    public static Command Create()
    {
        var method = new Option<string>("--method", "-m")
        {
            Description = $"Training method: {string.Join(", ", MethodTemplate.All.Select(m => m.Method))}.", Required = true,
        };
        var dataset = new Option<string>("--dataset", "-d")
        {
            Description = $"Dataset: {string.Join(", ", DatasetPreset.All.Select(d => d.Kind))}.", Required = true,
        };
        var output = new Option<string?>("--output", "-o") { Description = "The spec file to write; - or none: stdout." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a commented starting spec for a method on a dataset, the papers' defaults enqueued first.")
        {
            method, dataset, output, force,
        };
        command.SetAction(pr => Run(pr.GetValue(method)!, pr.GetValue(dataset)!, pr.GetValue(output), pr.GetValue(force),
                                    pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string method, string dataset, string? path, bool force, TextWriter output, TextWriter error)
    {
        var template = MethodTemplate.All.FirstOrDefault(m => m.Method == method);
        var preset = DatasetPreset.All.FirstOrDefault(d => d.Kind == dataset);
        if (template is null) return Unknown("--method", method, MethodTemplate.All.Select(m => m.Method), error);
        if (preset is null) return Unknown("--dataset", dataset, DatasetPreset.All.Select(d => d.Kind), error);
        var text = SpecTemplate.Write(template, preset);
        if (path is null or "-")
        {
            output.Write(text);
            return ExitCodes.Ok;
        }
        if (Directory.Exists(path))
        {
            error.WriteLine($"sweep init: -o {path}: is a folder; give a file name such as {Path.Combine(path, $"{dataset}-{method}.yaml")}");
            return ExitCodes.Usage;
        }
        try
        {
            using var file = new FileStream(path, force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(text);
        }
        catch (IOException) when (!force && File.Exists(path))
        {
            error.WriteLine($"sweep init: -o {path}: the file exists; pass --force to overwrite it");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sweep init: -o {path}: {e.Message}");
            return ExitCodes.Usage;
        }
        if (!Hosting.Verbosity.Quiet) error.WriteLine($"sweep init: wrote {path} ({dataset}-{method}); next: sweep validate {path}");
        return ExitCodes.Ok;
    }

    private static int Unknown(string option, string given, IEnumerable<string> known, TextWriter error)
    {
        var names = known.ToList();
        var suggestion = KeySuggester.Closest(given, names);
        error.WriteLine($"sweep init: {option} '{given}' is not known" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") +
                        $" (known: {string.Join(", ", names)})");
        return ExitCodes.Usage;
    }
}
