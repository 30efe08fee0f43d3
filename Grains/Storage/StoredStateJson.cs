using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sweep.Grains.Storage;

/// <summary>The JSON shape of the <c>payload</c> column, shared by the silo's storage and out-of-silo readers.</summary>
public static class StoredStateJson
{
    /// <summary>
    /// Property names as declared (PascalCase), enums as names (a row stays readable when enum ordinals move),
    /// no indentation. Read-only: copy it to change anything.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
