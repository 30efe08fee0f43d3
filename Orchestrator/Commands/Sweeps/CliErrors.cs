using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Sweep.Contracts.Text;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// The parser's errors in our words: one line each, an unknown verb or option with the closest name, a value that does
/// not convert with what was expected, and never a .NET type name.
/// </summary>
internal static partial class CliErrors
{
    public static IEnumerable<string> Describe(ParseResult parsed)
    {
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var atRoot = parsed.CommandResult.Command is RootCommand;
        if (atRoot && parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } verb)
        {
            // An unknown verb: what follows are its arguments, not more errors.
            yield return Unknown(parsed.CommandResult.Command, verb);
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in parsed.Errors)
        {
            // One line per unknown token, however many errors the parser made of it.
            var key = Quoted(error.Message) is { } token && unmatched.Contains(token) ? token : error.Message;
            if (seen.Add(key)) yield return Describe(error, parsed, unmatched);
        }
        // The parser lets an unknown option stand for a positional argument (`sweep start --typo`): not we.
        foreach (var argument in parsed.CommandResult.Children.OfType<ArgumentResult>())
            foreach (var token in argument.Tokens.Select(t => t.Value).Where(t => t.Length > 1 && t[0] == '-' && (char.IsLetter(t[1]) || t[1] == '-')))
                if (seen.Add(token)) yield return Unknown(parsed.CommandResult.Command, token);
    }

    private static string Describe(ParseError error, ParseResult parsed, HashSet<string> unmatched)
    {
        var message = error.Message;
        if (Quoted(message) is { } token && unmatched.Contains(token))
            return Unknown(parsed.CommandResult.Command, token);
        if (error.SymbolResult is CommandResult { Command: RootCommand })
            return "no verb given";
        if (error.SymbolResult is ArgumentResult { Tokens.Count: 0, Parent: CommandResult command } missing)
            return $"missing <{missing.Argument.Name}> for `sweep {command.Command.Name}`";
        var (name, type) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult { Parent: OptionResult o } => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType),
            _ => ((string?)null, (Type?)null),
        };
        if (type is not null && Element(type) is var element && message.Contains(element.FullName ?? element.Name, StringComparison.Ordinal))
            return $"{name}: '{Quoted(message)}' is not {Expected(element)}";
        message = Plain(message);
        return name is null || message.StartsWith(name, StringComparison.Ordinal) || message.StartsWith("unknown ", StringComparison.Ordinal)
            ? message : $"{name}: {message}";
    }

    /// <summary>An unknown verb, option or extra argument of <paramref name="command"/>, with the closest name.</summary>
    public static string Unknown(Command command, string token)
    {
        var verb = command is RootCommand ? "sweep" : $"sweep {command.Name}";
        if (token.StartsWith('-'))
        {
            var bare = token.Split('=', ':')[0];
            var options = Ancestry(command).SelectMany(c => c.Options.Where(o => c == command || o.Recursive))
                                           .SelectMany(o => o.Aliases.Prepend(o.Name));
            return $"unknown option '{bare}' for `{verb}`{Suggestion(bare, options)}";
        }
        if (command.Subcommands.Count > 0)
            return $"unknown verb '{token}'{Suggestion(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        return $"unexpected argument '{token}' for `{verb}`";
    }

    /// <summary>"; did you mean 'x'?" for the known name closest to <paramref name="token"/>, or nothing when none is close.</summary>
    public static string Suggestion(string token, IEnumerable<string> names)
    {
        var best = names.Distinct(StringComparer.Ordinal)
                        .Select(n => (Name: n, Distance: n.StartsWith(token, StringComparison.OrdinalIgnoreCase) && token.TrimStart('-').Length >= 2
                                                             ? 0
                                                             : KeySuggester.Distance(token.ToLowerInvariant(), n.ToLowerInvariant())))
                        .Where(x => x.Distance <= Math.Max(1, x.Name.TrimStart('-').Length / 3))
                        .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is null ? "" : $"; did you mean '{best.Name}'?";
    }

    private static IEnumerable<Command> Ancestry(Command command)
    {
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault()) yield return c;
    }

    private static Type Element(Type type)
    {
        var t = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(t) ?? t;
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(double) || type == typeof(float) => "a number",
        _ when type == typeof(bool) => "true or false",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
        _ => "a valid value",
    };

    /// <summary>The first 'quoted' part of a parser message (the token it is about).</summary>
    private static string? Quoted(string message) => QuotedPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>One line, without .NET type names.</summary>
    private static string Plain(string message) =>
        TypeName().Replace(Whitespace().Replace(message, " ").Trim(), "a value");

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"'?\b(System|Sweep|Microsoft)\.[A-Za-z0-9_.`\[\]]+'?")]
    private static partial Regex TypeName();
}
