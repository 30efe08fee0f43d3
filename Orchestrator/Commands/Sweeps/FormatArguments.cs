namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>-f</c> / <c>--format</c> values are case-insensitive on every verb (<c>-f JSON</c>, <c>--format=Csv</c>): every
/// format name is lower case, so the value is lowered before parsing, the same way for all verbs.
/// </summary>
internal static class FormatArguments
{
    private static readonly string[] Names = ["-f", "--format"];

    public static string[] Normalize(string[] args)
    {
        var result = (string[])args.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] == "--") break;
            if (Names.Contains(result[i]) && i + 1 < result.Length)
                result[i + 1] = result[i + 1].ToLowerInvariant();
            else if (Names.FirstOrDefault(n => result[i].StartsWith(n + "=", StringComparison.Ordinal) || result[i].StartsWith(n + ":", StringComparison.Ordinal)) is { } name)
                result[i] = result[i][..(name.Length + 1)] + result[i][(name.Length + 1)..].ToLowerInvariant();
        }
        return result;
    }
}
