namespace Sweep.SearchSpaces.Specs;

/// <summary>The JSON Schema (draft-07) of the spec, for editors; embedded so the tool can print the one it checks against.</summary>
public static class SpecSchema
{
    public const string ResourceName = "Sweep.SearchSpaces.Specs.sweep-spec.schema.json";

    public static string Text { get; } = ReadText();

    private static string ReadText()
    {
        using var stream = typeof(SpecSchema).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(SpecSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
