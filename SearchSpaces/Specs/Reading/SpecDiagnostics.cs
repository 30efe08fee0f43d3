using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Collects errors while a spec is read, so one run reports all of them.</summary>
internal sealed class SpecDiagnostics(string file)
{
    private readonly List<SpecError> _errors = [];
    private readonly List<SpecError> _warnings = [];

    public string File { get; } = file;

    public IReadOnlyList<SpecError> Errors => _errors;

    /// <summary>What the spec may mean otherwise than it says (a high moved onto its step grid); it still loads.</summary>
    public IReadOnlyList<SpecError> Warnings => _warnings;

    public int Count => _errors.Count;

    public void Add(SpecNode at, string path, string message) => Add(at.Line, at.Column, path, message);

    public void Add(int line, int column, string path, string message) =>
        _errors.Add(new SpecError(File, line, column, path, message));

    public void Warn(SpecNode at, string path, string message) => _warnings.Add(new SpecError(File, at.Line, at.Column, path, message));
}
