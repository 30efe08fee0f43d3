namespace Sweep.Trainer.Data;

/// <summary>One N-Omniglot character: its event file, its sample-boundary csv and its RGB folder.</summary>
public sealed record NOmniglotCharacter(string Aedat, string Csv, string RgbFolder, int Label)
{
    /// <summary>
    /// The (start, end) timestamps of the character's samples: one row per sample, the first two integers of
    /// each line (comma or whitespace separated); lines without two integers (a header) are skipped.
    /// </summary>
    public static IReadOnlyList<(long Start, long End)> ReadBounds(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var bounds = new List<(long, long)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var numbers = line.Split([',', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries)
                .Select(tok => long.TryParse(tok, out var v) ? v : (long?)null).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            if (numbers.Length < 2) continue;
            if (numbers[1] < numbers[0]) throw new DataFormatException(path, $"line {lineNumber}: end {numbers[1]} before start {numbers[0]}");
            bounds.Add((numbers[0], numbers[1]));
        }
        if (bounds.Count == 0) throw new DataFormatException(path, "no start/end timestamp rows");
        return bounds;
    }
}
