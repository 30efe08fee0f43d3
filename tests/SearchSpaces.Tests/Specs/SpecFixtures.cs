using NJsonSchema;
using Sweep.SearchSpaces.Specs;
using Sweep.SearchSpaces.Specs.Nodes;
using Sweep.SearchSpaces.Specs.Reading;
using Sweep.SearchSpaces.Specs.Writing;

namespace Sweep.SearchSpaces.Tests.Specs;

/// <summary>Where the examples live, the schema, and YAML to JSON as JSON Schema tools see it (YAML 1.2 core types).</summary>
internal static class SpecFixtures
{
    private static readonly Lazy<Task<JsonSchema>> LazySchema = new(() => JsonSchema.FromJsonAsync(SpecSchema.Text));

    public static Task<JsonSchema> Schema => LazySchema.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ExamplesDirectory => Path.Combine(RepositoryRoot, "examples");

    public static IEnumerable<string> ExampleFiles =>
        Directory.GetFiles(ExamplesDirectory, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string YamlToJson(string yaml)
    {
        var diagnostics = new SpecDiagnostics("spec.yaml");
        var root = SpecTreeBuilder.Build(yaml, diagnostics) ?? throw new ArgumentException(string.Join("\n", diagnostics.Errors));
        return SpecJsonWriter.Write(Plain(root));
    }

    private static object? Plain(SpecNode node) => node switch
    {
        SpecScalar s => s.Value,
        SpecSequence q => q.Items.Select(Plain).ToList(),
        SpecMapping m => m.Entries.Select(e => new KeyValuePair<string, object?>(e.Key.Text, Plain(e.Value))).ToList(),
        _ => throw new ArgumentException(node.GetType().Name),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sweep.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Sweep.sln above {AppContext.BaseDirectory}");
    }
}
