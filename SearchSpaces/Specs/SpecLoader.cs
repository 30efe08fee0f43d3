using Sweep.SearchSpaces.Specs.Nodes;
using Sweep.SearchSpaces.Specs.Reading;

namespace Sweep.SearchSpaces.Specs;

/// <summary>Loads sweep specs from YAML; every problem found is reported at once in a <see cref="SpecException"/>.</summary>
public static class SpecLoader
{
    /// <summary>The largest spec file (real specs are a few kilobytes).</summary>
    public const int MaxBytes = 1 << 20;

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SpecException">The spec is malformed or larger than <see cref="MaxBytes"/>.</exception>
    public static SweepSpec Load(string path) => Parse(ReadText(path), path);

    /// <summary>The text of a spec file, refused before it is read when it is a folder or too large.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SpecException">The path is a folder or the file is larger than <see cref="MaxBytes"/>.</exception>
    public static string ReadText(string path)
    {
        if (Directory.Exists(path)) throw new SpecException([new SpecError(path, 1, 1, "", "is a folder, not a spec file")]);
        var length = new FileInfo(path).Length;
        if (length > MaxBytes) throw TooLarge(path, length);
        return File.ReadAllText(path);
    }

    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The name errors start with (a path or just a file name).</param>
    /// <exception cref="SpecException">The spec is malformed.</exception>
    public static SweepSpec Parse(string text, string fileName)
    {
        if (text.Length > MaxBytes) throw TooLarge(fileName, text.Length);
        var diagnostics = new SpecDiagnostics(fileName);
        var root = SpecTreeBuilder.Build(text, diagnostics);
        var folder = Path.GetDirectoryName(Path.GetFullPath(fileName));
        var spec = root is null ? null : SpecReader.Read(root, diagnostics, Directory.Exists(folder) ? folder : null);
        if (diagnostics.Count > 0 || spec is null) throw new SpecException(diagnostics.Errors);
        return spec with { Warnings = [.. diagnostics.Warnings] };
    }

    private static SpecException TooLarge(string fileName, long length) =>
        new([new SpecError(fileName, 1, 1, "", $"the spec is {length:N0} bytes; a spec may hold at most {MaxBytes:N0} (1 MiB)")]);
}
