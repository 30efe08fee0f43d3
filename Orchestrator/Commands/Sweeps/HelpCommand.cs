using System.CommandLine;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary><c>sweep help [VERB]</c>: the same text as <c>sweep --help</c> or <c>sweep VERB --help</c>.</summary>
internal static class HelpCommand
{
    public static Command Create(RootCommand root)
    {
        var verb = new Argument<string?>("verb") { Description = "The verb to explain (none: every verb).", Arity = ArgumentArity.ZeroOrOne };
        verb.Validators.Add(r =>
        {
            var name = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (name is not null && !name.StartsWith('-') && !root.Subcommands.Any(c => c.Name == name || c.Aliases.Contains(name)))
                r.AddError(CliErrors.Unknown(root, name));
        });
        var command = new Command("help", "Show how to use sweep, or one verb (`sweep help trials` = `sweep trials --help`).") { verb };
        command.SetAction(pr => root.Parse(pr.GetValue(verb) is { } v ? [v, "--help"] : ["--help"]).Invoke(pr.InvocationConfiguration));
        return command;
    }
}
