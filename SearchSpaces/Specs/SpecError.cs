namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// One problem in a spec file, at the 1-based line and column of the node it concerns. <see cref="ToString"/>
/// gives the one-line form compilers use, so editors and CI logs can jump to it:
/// <c>spec.yaml:12:7: parameters.lr.low must be &gt; 0 when log: true (got -1)</c>.
/// </summary>
public sealed record SpecError(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        Path.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Path} {Message}";

    /// <summary>The same line marked as a warning: <c>spec.yaml:6:30: warning: parameters.x.high …</c>.</summary>
    public string AsWarning() => $"{File}:{Line}:{Column}: warning: {(Path.Length == 0 ? "" : Path + " ")}{Message}";
}
