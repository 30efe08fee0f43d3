using System.CommandLine;
using Sweep.SearchSpaces.Specs;
using Sweep.SearchSpaces.Specs.Writing;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// <c>sweep validate spec.yaml [-f table|json|yaml]</c>: checks a spec without starting anything. The summary or
/// the normalised spec goes to stdout; each error as <c>file:line:col: path message</c> to stderr, exit 2.
/// <c>--schema</c> prints the JSON Schema for editors.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var spec = new Argument<string?>("spec") { Description = "Path of the spec file (YAML).", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table: a summary; json or yaml: the normalised spec with every default written out.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "yaml");
        var schema = new Option<bool>("--schema") { Description = "Print the JSON Schema of sweep specs and exit." };
        var command = new Command("validate", "Check a sweep spec and print a summary; errors go to stderr with file:line:column.")
        {
            spec, format, schema,
        };
        command.SetAction(pr => Run(pr.GetValue(spec), pr.GetValue(format) ?? "table", pr.GetValue(schema),
                                    pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? path, string format, bool schema, TextWriter output, TextWriter error)
    {
        if (schema)
        {
            output.WriteLine(SpecSchema.Text);
            return ExitCodes.Ok;
        }
        if (path is null)
        {
            error.WriteLine("sweep validate: give a spec file, or --schema");
            return ExitCodes.Usage;
        }
        SweepSpec loaded;
        try
        {
            loaded = SpecLoader.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"sweep validate: spec file '{path}' not found");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sweep validate: cannot read '{path}': {e.Message}");
            return ExitCodes.Usage;
        }
        catch (SpecException e)
        {
            foreach (var line in e.Errors) error.WriteLine(line);
            error.WriteLine($"{path}: {e.Errors.Length} error{(e.Errors.Length == 1 ? "" : "s")}");
            return ExitCodes.Usage;
        }
        foreach (var warning in loaded.Warnings) error.WriteLine(warning.AsWarning());
        output.Write(format switch
        {
            "json" => SpecJsonWriter.Write(SpecDocument.Build(loaded)) + Environment.NewLine,
            "yaml" => SpecYamlWriter.Write(SpecDocument.Build(loaded)),
            _ => SpecSummary.Table(loaded),
        });
        return ExitCodes.Ok;
    }
}
