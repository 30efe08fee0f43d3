using Sweep.SearchSpaces.Specs.Nodes;
using Sweep.SearchSpaces.Specs.Reading;

namespace Sweep.SearchSpaces.Specs;

/// <summary>Loads sweep specs from YAML; every problem found is reported at once in a <see cref="SpecException"/>.</summary>
public static class SpecLoader
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SpecException">The spec is malformed.</exception>
    public static SweepSpec Load(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The name errors start with (a path or just a file name).</param>
    /// <exception cref="SpecException">The spec is malformed.</exception>
    public static SweepSpec Parse(string text, string fileName)
    {
        var diagnostics = new SpecDiagnostics(fileName);
        var root = SpecTreeBuilder.Build(text, diagnostics);
        var folder = Path.GetDirectoryName(Path.GetFullPath(fileName));
        var spec = root is null ? null : SpecReader.Read(root, diagnostics, Directory.Exists(folder) ? folder : null);
        if (diagnostics.Count > 0 || spec is null) throw new SpecException(diagnostics.Errors);
        return spec;
    }
}
