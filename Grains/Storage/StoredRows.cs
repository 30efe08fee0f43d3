using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;

namespace Sweep.Grains.Storage;

/// <summary>The rows of <c>grain_state</c> and <c>trial_progress</c> as the readers return them, whichever database they come from.</summary>
internal static class StoredRows
{
    /// <summary>(grain_id, payload) rows as states; a payload that does not parse goes to <paramref name="onDamaged"/>, or throws.</summary>
    public static IReadOnlyList<(string GrainId, T State)> States<T>(DbDataReader reader, JsonSerializerOptions json, string stateName, string where,
                                                                     Action<StoredStateCorruptedException>? onDamaged)
    {
        var result = new List<(string, T)>();
        while (reader.Read())
        {
            var grainId = reader.GetString(0);
            try
            {
                if (StoredStateCorruptedException.Deserialize<T>(reader.GetString(1), json, stateName, grainId, where) is { } state) result.Add((grainId, state));
            }
            catch (StoredStateCorruptedException e) when (onDamaged is not null)
            {
                onDamaged(e);
            }
        }
        return result;
    }

    /// <summary>(number, step, value) rows as trial number → step → value.</summary>
    public static ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> Progress(DbDataReader reader)
    {
        var result = new Dictionary<int, ImmutableSortedDictionary<int, double>.Builder>();
        while (reader.Read())
        {
            var number = reader.GetInt32(0);
            if (!result.TryGetValue(number, out var steps)) result[number] = steps = ImmutableSortedDictionary.CreateBuilder<int, double>();
            steps[reader.GetInt32(1)] = reader.GetDouble(2);
        }
        return result.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
    }
}
