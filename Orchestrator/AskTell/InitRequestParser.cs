using System.Text.Json;

namespace Sweep.Orchestrator.AskTell;

/// <summary>Validates an <c>init</c> request into a <see cref="ProtocolInit"/>.</summary>
internal static class InitRequestParser
{
    public const int ProtocolVersion = 1;

    private static readonly string[] Keys = ["op", "protocol", "direction", "seed", "space", "budget", "steps", "batch"];

    public static ProtocolInit Parse(JsonElement request, UnknownKeys unknownKeys)
    {
        unknownKeys.Check(request, "init requests", Keys);
        var protocol = JsonFields.RequireInt32(request, "init", "protocol");
        if (protocol != ProtocolVersion)
            throw new ProtocolException($"init: unsupported protocol {protocol}; this server speaks protocol {ProtocolVersion}");

        // Optuna's server defaults a missing direction to minimize; so do we.
        var direction = JsonFields.TryGet(request, "direction", out var d) ? ParseDirection(d) : StudyDirection.Minimize;
        var seed = JsonFields.OptionalInt32(request, "init", "seed", int.MinValue);
        var budget = JsonFields.OptionalInt32(request, "init", "budget", 0);
        var steps = JsonFields.OptionalInt32(request, "init", "steps", 1);
        var batch = JsonFields.OptionalInt32(request, "init", "batch", 1) ?? 1;
        var space = SpaceParser.Parse(request, unknownKeys);
        return new ProtocolInit(space, direction, seed, budget, steps, batch);
    }

    private static StudyDirection ParseDirection(JsonElement d) =>
        d.ValueKind == JsonValueKind.String && d.ValueEquals("minimize") ? StudyDirection.Minimize
        : d.ValueKind == JsonValueKind.String && d.ValueEquals("maximize") ? StudyDirection.Maximize
        : throw new ProtocolException($"init: \"direction\" must be \"minimize\" or \"maximize\", but got {JsonFields.Describe(d)}");
}
