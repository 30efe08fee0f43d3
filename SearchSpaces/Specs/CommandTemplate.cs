using System.Text;
using System.Text.RegularExpressions;

namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// A <c>trial.command</c> as the engine runs it through <c>/bin/sh -c</c>: <c>${name}</c> references to parameters and
/// fixed settings are replaced by their shell-quoted values (as W&amp;B and Katib do); any other <c>${NAME}</c> is
/// left to the shell, so environment variables still work.
/// </summary>
public static partial class CommandTemplate
{
    /// <summary>The names the command references as <c>${name}</c>, in order of appearance, each once.</summary>
    public static IReadOnlyList<string> References(string command) =>
        [.. Reference().Matches(command).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> cannot be an environment variable the user meant for the shell.</summary>
    public static bool LooksLikeParameter(string name) => name.Any(c => char.IsAsciiLetterLower(c) || c is '.' or '-');

    /// <summary>
    /// Replaces every reference whose name <paramref name="values"/> holds by its value, shell-quoted (an absent
    /// conditional parameter, a null value: an empty word); other references stay for the shell.
    /// </summary>
    public static string Expand(string command, IReadOnlyDictionary<string, string?> values) =>
        Reference().Replace(command, m => values.TryGetValue(m.Groups["name"].Value, out var v) ? Quote(v ?? "") : m.Value);

    /// <summary>
    /// Makes every plain word of the command that names an existing file relative to <paramref name="baseDirectory"/>
    /// (the spec's folder) absolute, so <c>python train.py</c> finds the script whatever the working directory.
    /// Quoted words, options, assignments and words with shell syntax are left as written.
    /// </summary>
    public static string ResolvePaths(string command, string baseDirectory)
    {
        var sb = new StringBuilder(command.Length);
        foreach (Match m in Word().Matches(command))
        {
            var word = m.Value;
            var plain = word.Length > 0 && !word.StartsWith('-') && !Path.IsPathRooted(word) && !word.Contains('=')
                        && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-' or '+' or ',' or '@' or '%');
            sb.Append(plain && File.Exists(Path.Combine(baseDirectory, word)) ? Quote(Path.GetFullPath(word, baseDirectory)) : word);
        }
        return sb.ToString();
    }

    /// <summary>Quotes one word for POSIX sh; plain words stay readable in logs.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:@%+".Contains(c)))
            return value;
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\}")]
    private static partial Regex Reference();

    // Whitespace runs and the words between them, so the command is rebuilt exactly as written.
    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Word();
}
